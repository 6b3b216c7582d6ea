// Counts one attempt against each of several limits; refuses when any is exhausted.
import { sha256Hex } from "../crypto/hashing";
import { type Failure, fail } from "../result";
import type { RateLimiter, RateRule } from "./ports";

export type Limit = readonly [key: string, rule: RateRule];

/** Let through. `succeeded()` takes back the attempts this pass counted, once the action worked. */
export interface Pass {
  ok: true;
  succeeded(): Promise<void>;
}

/**
 * Answers a RATE_LIMITED failure (with the longest wait), or a pass when every limit allows it.
 * Budgets count failures: a pass that succeeds gives back its own attempt and nothing more, so
 * an attacker who succeeds at something of their own (their own TV code, their own password)
 * never refills the budget their guesses spent.
 */
export async function throttle(limiter: RateLimiter, limits: readonly Limit[]): Promise<Failure<"RATE_LIMITED"> | Pass> {
  const decisions = await Promise.all(limits.map(([key, rule]) => limiter.consume(key, rule)));
  const refused = decisions.filter((decision) => !decision.allowed);
  if (refused.length > 0) return fail("RATE_LIMITED", Math.max(...refused.map((decision) => decision.retryAfterSec)));
  return {
    ok: true,
    succeeded: async () => {
      await Promise.all(limits.map(([key], i) => limiter.refund(key, decisions[i]!.window)));
    },
  };
}

/** Limiter keys never carry an email or phone number in clear. */
export const keyPart = (value: string): string => sha256Hex(value).slice(0, 32);
