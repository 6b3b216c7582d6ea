// The one way the web app talks to Usher's API: JSON over fetch with the session cookie.
// Failures arrive as ApiError carrying the catalogue's code and message. When the session
// is gone (revoked, expired), the registered handler sends the user to sign-in. When a
// sensitive change needs a fresh proof (403 REAUTH_REQUIRED), the registered re-authentication
// handler asks for it, and the request is sent again, so the action the user started finishes.
import type { ErrorBody, ErrorCode } from "../../contract/errors";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | "NETWORK_ERROR",
    message: string,
    readonly issues: { path: string; message: string }[] = [],
    readonly retryAfterSec?: number,
    /** For SESSION_REVOKED: why this device was signed out. */
    readonly reason?: string,
  ) {
    super(message);
  }
}

const SESSION_LOST: ReadonlySet<string> = new Set(["SESSION_REVOKED", "SESSION_EXPIRED", "UNAUTHENTICATED"]);
let onSessionLost: ((error: ApiError) => void) | undefined;

/** Called once by the router: where to go when a signed-in request finds no session. */
export function setSessionLostHandler(handler: (error: ApiError) => void): void {
  onSessionLost = handler;
}

export function isSessionLost(error: unknown): error is ApiError {
  return error instanceof ApiError && SESSION_LOST.has(error.code);
}

/** Asks the user to confirm it's them; true once they did (the session is fresh again). */
export type ReauthHandler = () => Promise<boolean>;
let onReauthRequired: ReauthHandler | undefined;

/** Registered by the signed-in layout's "Confirm it's you" dialog; returns the unregister. */
export function setReauthHandler(handler: ReauthHandler): () => void {
  onReauthRequired = handler;
  return () => {
    if (onReauthRequired === handler) onReauthRequired = undefined;
  };
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

let pending = 0;
let whenIdle: (() => void)[] = [];

/**
 * Resolves once no request of this page is under way: a request that changes the session (a
 * password change hands this browser a new cookie) has then been answered and applied.
 */
export function requestsSettled(): Promise<void> {
  if (pending === 0) return Promise.resolve();
  return new Promise((resolve) => whenIdle.push(resolve));
}

interface RequestOptions {
  /** false for requests made before signing in: a refusal is not a lost session. */
  signedIn?: boolean;
  /** false for the proof itself, which must not ask for a proof. */
  reauth?: boolean;
}

export async function api<T>(method: Method, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  pending += 1;
  try {
    // Counted as one request until it finishes, the prompt included: a new cookie the proof
    // hands this browser is in place before anyone asks whether it is still signed in.
    for (;;) {
      try {
        return await request<T>(method, path, body, options);
      } catch (error) {
        const ask = options.reauth !== false && error instanceof ApiError && error.code === "REAUTH_REQUIRED" ? onReauthRequired : undefined;
        if (!ask || !(await ask())) throw error;
      }
    }
  } finally {
    pending -= 1;
    if (pending === 0) {
      const waiting = whenIdle;
      whenIdle = [];
      for (const resolve of waiting) resolve();
    }
  }
}

async function request<T>(method: Method, path: string, body: unknown, options: RequestOptions): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method,
      credentials: "same-origin",
      headers: body === undefined ? {} : { "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiError(0, "NETWORK_ERROR", "Usher can't be reached. Check your connection and try again.");
  }
  if (response.status === 204) return undefined as T;
  const json = (await response.json().catch(() => null)) as T | ErrorBody | null;
  if (response.ok) return json as T;

  const error = (json as ErrorBody | null)?.error;
  const retryAfter = Number(response.headers.get("retry-after")) || undefined;
  const failure = new ApiError(
    response.status,
    error?.code ?? "INTERNAL_ERROR",
    error?.message ?? "Something went wrong on our side. Please try again.",
    error?.issues,
    retryAfter,
    error?.reason,
  );
  if (options.signedIn !== false && isSessionLost(failure)) onSessionLost?.(failure);
  throw failure;
}

/** A failure in words for the page to show; a throttled request also says how long to wait. */
export function failureMessage(error: unknown, fallback: string): string {
  if (!(error instanceof ApiError)) return fallback;
  if (error.code !== "RATE_LIMITED" || !error.retryAfterSec) return error.message;
  const minutes = Math.ceil(error.retryAfterSec / 60);
  const seconds = error.retryAfterSec;
  const wait = seconds < 60 ? `${seconds} second${seconds === 1 ? "" : "s"}` : `${minutes} minute${minutes === 1 ? "" : "s"}`;
  return `Too many attempts. Please wait ${wait} and try again.`;
}
