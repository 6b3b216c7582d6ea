// Expected failures are values, not exceptions: a service answers ok or a public error code.
import type { ErrorCode } from "../contract/errors";

export type Failure<C extends ErrorCode = ErrorCode> = {
  ok: false;
  code: C;
  /** For RATE_LIMITED: seconds until the next attempt is allowed. */
  retryAfterSec?: number;
  /** For SESSION_REVOKED: why, so the device can tell its user (it holds the token, so it may know). */
  reason?: string;
};
export type Success<T> = { ok: true; value: T };
export type Result<T, C extends ErrorCode = ErrorCode> = Success<T> | Failure<C>;

export const ok = <T>(value: T): Success<T> => ({ ok: true, value });
export const fail = <C extends ErrorCode>(code: C, retryAfterSec?: number): Failure<C> =>
  retryAfterSec === undefined ? { ok: false, code } : { ok: false, code, retryAfterSec };
