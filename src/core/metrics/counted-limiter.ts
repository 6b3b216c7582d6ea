// A rate limiter that tells the metrics which limit refused. A limit is named by the rule it
// counts against (its key in CoreConfig.limits): the limiter key holds an address or an
// account, which must never become a label.
import type { CoreConfig } from "../config";
import type { RateLimiter, RateRule } from "../rate-limit/ports";
import type { SecurityMetrics } from "./ports";

/**
 * Every use case names its rule as `deps.config.limits.<name>`, so the rule object itself
 * says which limit it is. Without metrics, the limiter is answered as it is.
 */
export function countingRefusals(limiter: RateLimiter, limits: CoreConfig["limits"], metrics: SecurityMetrics | undefined): RateLimiter {
  if (!metrics) return limiter;
  const names = new Map<RateRule, string>(Object.entries(limits).map(([name, rule]) => [rule, name]));
  return {
    async consume(key, rule) {
      const decision = await limiter.consume(key, rule);
      if (!decision.allowed) metrics.throttled(names.get(rule) ?? "unnamed");
      return decision;
    },
    refund: (key, window) => limiter.refund(key, window),
  };
}
