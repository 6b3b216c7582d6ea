// Asking Usher whether a viewer's token is a live session: token introspection (RFC 7662),
// authenticated as a service client (client_secret_basic). There are three answers, not two. A
// service that gets no answer from Usher must not play to a stranger, and must not tell a
// signed-in viewer they are signed out either.

export type Plan = "basic" | "standard" | "premium";

/** What Usher vouches for, as of the moment it was asked. */
export interface Viewer {
  accountId: string;
  sessionId: string;
  plan: Plan;
  /** 2 after a second factor or a passkey, else 1. */
  aal: 1 | 2;
  device: { kind: string; name: string };
  profile: { id: string; name: string; kids: boolean } | null;
}

export type Verdict =
  | { status: "active"; viewer: Viewer }
  | { status: "inactive" }
  /** `reason` is for the log: it never holds the token or the secret. */
  | { status: "unavailable"; reason: string; retryAfter?: string };

export interface UsherClientOptions {
  /** Where Usher is, e.g. http://localhost:3000 (a path prefix is kept). */
  usherUrl: string;
  clientId: string;
  clientSecret: string;
  timeoutMs: number;
}

const PLANS: readonly string[] = ["basic", "standard", "premium"];

/** A function that asks Usher about one token. Nothing is cached: every call is a request. */
export function usherIntrospection(options: UsherClientOptions): (token: string) => Promise<Verdict> {
  const base = options.usherUrl.endsWith("/") ? options.usherUrl : `${options.usherUrl}/`;
  const endpoint = new URL("oauth/introspect", base);
  // The id and the secret are each form-encoded before base64 (RFC 6749 §2.3.1), so either may hold a colon.
  const credentials = `${encodeURIComponent(options.clientId)}:${encodeURIComponent(options.clientSecret)}`;
  const authorization = `Basic ${Buffer.from(credentials).toString("base64")}`;

  return async (token) => {
    let response: Response;
    let body: unknown;
    try {
      response = await fetch(endpoint, {
        method: "POST",
        headers: { authorization, accept: "application/json" },
        // In the body, never the URL: addresses end up in access logs.
        body: new URLSearchParams({ token }),
        // A redirect would mean a misconfigured USHER_URL: the credentials and the token go nowhere else.
        redirect: "error",
        // Covers reading the body too: a stalled Usher costs the viewer a 503, not a hung request.
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      body = parseJson(await response.text());
    } catch (error) {
      return unavailable(failure(error, options.timeoutMs));
    }
    if (response.status === 200) return verdictOf(body);
    if (response.status === 401)
      return unavailable("Usher refused this service's client credentials (USHER_CLIENT_ID, USHER_CLIENT_SECRET)");
    const error = typeof (body as { error?: unknown })?.error === "string" ? ` ${(body as { error: string }).error}` : "";
    const retryAfter = response.headers.get("retry-after");
    return { ...unavailable(`Usher answered ${response.status}${error}`), ...(retryAfter ? { retryAfter } : {}) };
  };
}

const unavailable = (reason: string) => ({ status: "unavailable", reason }) as const;

function failure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && error.name === "TimeoutError") return `no answer from Usher within ${timeoutMs} ms`;
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  const detail = cause?.code ?? cause?.message;
  return `could not reach Usher: ${error instanceof Error ? error.message : String(error)}${detail ? ` (${detail})` : ""}`;
}

/**
 * Only `active: true` with every claim this service relies on is a live session, and only
 * `active: false` is a signed-out one: anything else is an answer Usher doesn't give, so it is
 * treated as no answer at all.
 */
function verdictOf(body: unknown): Verdict {
  if (!isRecord(body)) return unavailable("Usher's answer was not a JSON object");
  if (body.active === false) return { status: "inactive" };
  const { active, sub, sid, plan, aal, device, profile } = body;
  const validProfile =
    profile === null ||
    (isRecord(profile) && typeof profile.id === "string" && typeof profile.name === "string" && typeof profile.kids === "boolean");
  const valid =
    active === true &&
    typeof sub === "string" &&
    typeof sid === "string" &&
    typeof plan === "string" &&
    PLANS.includes(plan) &&
    (aal === 1 || aal === 2) &&
    isRecord(device) &&
    typeof device.kind === "string" &&
    typeof device.name === "string" &&
    validProfile;
  if (!valid) return unavailable("Usher's answer was missing claims this service needs");
  return {
    status: "active",
    viewer: {
      accountId: sub,
      sessionId: sid,
      plan: plan as Plan,
      aal,
      device: { kind: device.kind as string, name: device.name as string },
      // Copied claim by claim: whatever else Usher adds one day isn't passed on unread.
      profile: profile && { id: profile.id as string, name: profile.name as string, kids: profile.kids as boolean },
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
