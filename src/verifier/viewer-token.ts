// What a service's HTTP layer needs around the verifier, whatever its framework: the viewer's
// token from the request, the verifier's verdict on it, and the answer a request gets when it
// cannot go on. Three verdicts, not two: "signed out" is only ever Usher's word, and when there
// is no word from Usher the viewer gets a 503, so an app retries instead of asking them to sign in.
import type { IncomingHttpHeaders } from "node:http";
import type { SessionClaims } from "./claims.js";
import { UsherUnavailableError } from "./introspection.js";
import type { SessionVerifier } from "./verifier.js";

/** The cookie Usher signs a browser in with: a service behind the site's gateway receives it too. */
export const SESSION_COOKIE = "__Host-usher_session";

export type SessionVerdict =
  | { status: "active"; claims: SessionClaims }
  /** `challenge` is the WWW-Authenticate value to answer with. */
  | { status: "signed_out"; challenge: string }
  /** `reason` is for the log: it never holds the token. */
  | { status: "unavailable"; reason: string; retryAfter?: string };

/** What a request that cannot go on is answered. */
export interface Refusal {
  statusCode: 401 | 503;
  headers: Record<string, string>;
  body: { error: "not_signed_in" | "usher_unavailable" };
}

/** An app's bearer token (RFC 6750), else the browser's session cookie. */
export function viewerToken(headers: IncomingHttpHeaders): string | null {
  const [scheme, credentials, extra] = headers.authorization?.trim().split(/\s+/) ?? [];
  if (scheme?.toLowerCase() === "bearer" && credentials && extra === undefined) return credentials;
  for (const pair of headers.cookie?.split(";") ?? []) {
    const equals = pair.indexOf("=");
    if (equals > 0 && pair.slice(0, equals).trim() === SESSION_COOKIE) return pair.slice(equals + 1).trim() || null;
  }
  return null;
}

/** The verifier's verdict on the token a request carries. */
export async function sessionFromHeaders(verifier: SessionVerifier, headers: IncomingHttpHeaders): Promise<SessionVerdict> {
  const token = viewerToken(headers);
  if (!token) return { status: "signed_out", challenge: "Bearer" };
  let claims: SessionClaims | null;
  try {
    claims = await verifier.verify(token);
  } catch (error) {
    const reason = error instanceof Error ? error.message : "the session verifier failed";
    return error instanceof UsherUnavailableError && error.retryAfter
      ? { status: "unavailable", reason, retryAfter: error.retryAfter }
      : { status: "unavailable", reason };
  }
  return claims ? { status: "active", claims } : { status: "signed_out", challenge: 'Bearer error="invalid_token"' };
}

/** The answer for a request without a live session. */
export function refusal(verdict: Exclude<SessionVerdict, { status: "active" }>): Refusal {
  // An answer about one viewer is never for a shared cache.
  const noStore = { "cache-control": "no-store" };
  if (verdict.status === "signed_out") {
    return { statusCode: 401, headers: { ...noStore, "www-authenticate": verdict.challenge }, body: { error: "not_signed_in" } };
  }
  const headers: Record<string, string> = { ...noStore };
  if (verdict.retryAfter) headers["retry-after"] = verdict.retryAfter;
  return { statusCode: 503, headers, body: { error: "usher_unavailable" } };
}
