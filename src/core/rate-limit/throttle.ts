// Counts one attempt against each of several limits; refuses when any is exhausted.
import { sha256Hex } from "../crypto/hashing";
import type { RateLimiter, RateRule } from "../ports";
import { fail, type Failure } from "../result";

export type Limit = readonly [key: string, rule: RateRule];

/** Answers a RATE_LIMITED failure (with the longest wait) or null when every limit allows it. */
export async function throttle(limiter: RateLimiter, limits: readonly Limit[]): Promise<Failure<"RATE_LIMITED"> | null> {
  const decisions = await Promise.all(limits.map(([key, rule]) => limiter.consume(key, rule)));
  const refused = decisions.filter((decision) => !decision.allowed);
  if (refused.length === 0) return null;
  return fail("RATE_LIMITED", Math.max(...refused.map((decision) => decision.retryAfterSec)));
}

/** Limiter keys never carry an email or phone number in clear. */
export const keyPart = (value: string): string => sha256Hex(value).slice(0, 32);
