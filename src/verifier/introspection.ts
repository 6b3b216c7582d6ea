// One question to Usher about one token: token introspection (RFC 7662), authenticated as the
// service client (client_secret_basic). There are three outcomes, not two: a live session, a
// token that is not one, and no answer. No answer is thrown, never returned as "signed out": an
// outage must not send live viewers to the sign-in page. Nothing here ever holds on to the token,
// and no error or message says it.
import { type Introspected, introspected } from "./claims.js";
import { basicAuthorization } from "./usher-endpoint.js";

/** Usher could not be asked, or gave no usable answer. The message never holds the token or the secret. */
export class UsherUnavailableError extends Error {
  override readonly name = "UsherUnavailableError";
  /** Usher's Retry-After, when it sent one (seconds or an HTTP date), to pass on to the viewer's app. */
  readonly retryAfter?: string;

  constructor(message: string, options: { retryAfter?: string | null; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    if (options.retryAfter) this.retryAfter = options.retryAfter;
  }
}

export interface IntrospectionOptions {
  /** Usher's base URL, with a trailing slash. */
  usher: URL;
  clientId: string;
  clientSecret: string;
  timeoutMs: number;
}

const ERROR_CODE = /^[a-z_]{1,64}$/;

/** A function that asks Usher about one token; it throws UsherUnavailableError when there is no answer. */
export function introspection(options: IntrospectionOptions): (token: string) => Promise<Introspected> {
  const endpoint = new URL("oauth/introspect", options.usher);
  const authorization = basicAuthorization(options.clientId, options.clientSecret);

  return async (token) => {
    let response: Response;
    let body: unknown;
    try {
      response = await fetch(endpoint, {
        method: "POST",
        headers: { authorization, accept: "application/json" },
        // In the body, never the URL: addresses end up in access logs.
        body: new URLSearchParams({ token }),
        // A redirect would mean a misconfigured Usher URL: the credentials and the token go nowhere else.
        redirect: "error",
        // Covers reading the body too: a stalled Usher costs the viewer a 503, not a hung request.
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      body = parseJson(await response.text());
    } catch (error) {
      throw new UsherUnavailableError(failure(error, options.timeoutMs));
    }
    if (response.status === 401) {
      throw new UsherUnavailableError(`Usher refused this service's client credentials (client id "${options.clientId}", or its secret)`);
    }
    if (response.status !== 200) {
      // Only an error code is passed on: free text from Usher, or from a proxy before it, could echo what it was sent.
      const code = (body as { error?: unknown } | undefined)?.error;
      const error = typeof code === "string" && ERROR_CODE.test(code) ? ` ${code}` : "";
      throw new UsherUnavailableError(`Usher answered ${response.status}${error}`, { retryAfter: response.headers.get("retry-after") });
    }
    const answer = introspected(body);
    if (!answer) throw new UsherUnavailableError("Usher's introspection answer was not one it gives (malformed, or missing claims)");
    return answer;
  };
}

/** What went wrong, from the error alone: fetch's errors name the address and the cause, never the body. */
function failure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && error.name === "TimeoutError") return `no answer from Usher within ${timeoutMs} ms`;
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  const detail = cause?.code ?? cause?.message;
  return `could not reach Usher: ${error instanceof Error ? error.message : String(error)}${detail ? ` (${detail})` : ""}`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
