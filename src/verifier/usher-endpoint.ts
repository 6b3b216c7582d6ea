// Where this service finds Usher and how it names itself there: the service client's id and
// secret as HTTP Basic credentials, for introspection and for the session-change subscription
// alike.

/** Usher's base URL with a trailing slash, so a path prefix (https://example.com/usher) is kept. */
export function usherBase(url: string): URL {
  const withSlash = url.endsWith("/") ? url : `${url}/`;
  const base = URL.canParse(withSlash) ? new URL(withSlash) : null;
  if (!base || (base.protocol !== "http:" && base.protocol !== "https:")) throw new TypeError("Usher's URL must be an http or https URL");
  return base;
}

/** client_secret_basic: the id and the secret are each form-encoded before base64 (RFC 6749 §2.3.1), so either may hold a colon. */
export function basicAuthorization(clientId: string, clientSecret: string): string {
  const credentials = `${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`;
  return `Basic ${Buffer.from(credentials).toString("base64")}`;
}
