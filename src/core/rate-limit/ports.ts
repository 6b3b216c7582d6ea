// Rate limiting (in memory or Redis, in src/adapters/rate-limit).

export interface RateRule {
  /** Attempts allowed per window. */
  limit: number;
  windowMs: number;
}

export interface RateDecision {
  allowed: boolean;
  /** Seconds until the window resets (0 when allowed). */
  retryAfterSec: number;
  /** Names the window the attempt was counted in, so that a success can take back its own attempt. */
  window: string;
}

export interface RateLimiter {
  /** Counts one attempt against `key` and answers whether it is within the rule. */
  consume(key: string, rule: RateRule): Promise<RateDecision>;
  /**
   * Takes back one attempt counted in `window`, because it succeeded; nothing once that window
   * has closed, and never below zero. Called once per successful attempt, so a success gives
   * back its own attempt and never refills what failures spent.
   */
  refund(key: string, window: string): Promise<void>;
}
