// A fixed-window rate limiter in Redis, so that every node counts against the same limits:
// an attacker gains nothing by spreading attempts over the nodes behind a load balancer.
import type { Redis } from "ioredis";
import type { RateDecision, RateLimiter, RateRule } from "../core/ports";

// One script, so counting and opening the window are atomic: two nodes racing on a fresh key
// can't both see "new" or leave a counter without an expiry (which would block it forever).
// Answers { attempts in this window, milliseconds until it ends }.
const CONSUME_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  -- A counter that somehow lost its expiry would refuse forever; give it a window again.
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return { count, ttl }
`;

export class RedisRateLimiter implements RateLimiter {
  readonly #redis: Redis;
  readonly #keyPrefix: string;

  constructor(redis: Redis, keyPrefix = "usher:rl:") {
    this.#redis = redis;
    this.#keyPrefix = keyPrefix;
  }

  async consume(key: string, rule: RateRule): Promise<RateDecision> {
    const windowMs = Math.max(1, Math.ceil(rule.windowMs));
    const reply = await this.#redis.eval(CONSUME_SCRIPT, 1, this.#keyPrefix + key, windowMs);
    const [count, ttlMs] = parseReply(reply);
    if (count <= rule.limit) return { allowed: true, retryAfterSec: 0 };
    return { allowed: false, retryAfterSec: Math.max(1, Math.ceil(ttlMs / 1000)) };
  }

  async reset(key: string): Promise<void> {
    await this.#redis.del(this.#keyPrefix + key);
  }
}

function parseReply(reply: unknown): [count: number, ttlMs: number] {
  if (Array.isArray(reply) && typeof reply[0] === "number" && typeof reply[1] === "number") {
    return [reply[0], reply[1]];
  }
  throw new Error("Unexpected reply from the rate-limit script");
}
