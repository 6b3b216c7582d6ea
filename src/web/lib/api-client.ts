// How the web app's calls to Usher's API (made with the typed client, lib/usher.ts) are
// answered: failures arrive as ApiError carrying the catalogue's code and message. When the
// session is gone (revoked, expired), the registered handler sends the user to sign-in. When
// a sensitive change needs a fresh proof (403 REAUTH_REQUIRED), the registered
// re-authentication handler asks for it, and the request is sent again, so the action the
// user started finishes.
import type { ErrorBody, ErrorCode } from "../../contract/errors";
import { t } from "./i18n";

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

export interface CallOptions {
  /** false for requests made before signing in: a refusal is not a lost session. */
  signedIn?: boolean;
  /** false for the proof itself, which must not ask for a proof. */
  reauth?: boolean;
}

/** What one typed-client call answers (openapi-fetch's FetchResponse, loosely). */
interface Answer {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** The data of a successful answer; undefined for 204 No Content. */
type DataOf<A extends Answer> = A extends { data: infer Data } ? Data : never;

/**
 * Sends one typed-client request, `send` (e.g. `() => usher.GET("/api/v1/me")`), and answers
 * its data or throws ApiError. `send` is called again after a confirmed proof, which builds
 * the same request afresh.
 */
export async function call<A extends Answer>(send: () => Promise<A>, options: CallOptions = {}): Promise<DataOf<A>> {
  pending += 1;
  try {
    // Counted as one request until it finishes, the prompt included: a new cookie the proof
    // hands this browser is in place before anyone asks whether it is still signed in.
    for (;;) {
      try {
        return await answerOf(send, options);
      } catch (error) {
        const ask =
          options.reauth !== false && error instanceof ApiError && error.code === "REAUTH_REQUIRED" ? onReauthRequired : undefined;
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

async function answerOf<A extends Answer>(send: () => Promise<A>, options: CallOptions): Promise<DataOf<A>> {
  let answer: A;
  try {
    answer = await send();
  } catch {
    // fetch itself failed (offline, DNS), or a success carried a body that isn't JSON.
    throw new ApiError(0, "NETWORK_ERROR", t("common.apiClient.unreachable"));
  }
  const { response } = answer;
  if (response.ok) return answer.data as DataOf<A>;

  // The catalogue's body, or whatever else answered (a proxy's HTML page, nothing at all).
  const error = answer.error as Partial<ErrorBody> | string | null | undefined;
  const body = error && typeof error === "object" ? error.error : undefined;
  const retryAfter = Number(response.headers.get("retry-after")) || undefined;
  const failure = new ApiError(
    response.status,
    body?.code ?? "INTERNAL_ERROR",
    body?.message ?? t("common.apiClient.failedOnOurSide"),
    body?.issues,
    retryAfter,
    body?.reason,
  );
  if (options.signedIn !== false && isSessionLost(failure)) onSessionLost?.(failure);
  throw failure;
}

/** A failure in words for the page to show; a throttled request also says how long to wait. */
export function failureMessage(error: unknown, fallback: string): string {
  if (!(error instanceof ApiError)) return fallback;
  if (error.code !== "RATE_LIMITED" || !error.retryAfterSec) return error.message;
  const seconds = error.retryAfterSec;
  if (seconds < 60) return t("common.apiClient.waitSeconds", { seconds });
  return t("common.apiClient.waitMinutes", { minutes: Math.ceil(seconds / 60) });
}
