// A fixed-window rate limiter in Redis, so that every node counts against the same limits:
// an attacker gains nothing by spreading attempts over the nodes behind a load balancer.
import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import type { RateDecision, RateLimiter, RateRule } from "../../core/rate-limit/ports";

// One script, so counting and opening the window are atomic: two nodes racing on a fresh key
// can't both see "new" or leave a counter without an expiry (which would block it forever).
// A window is a hash: the attempts (n) and the id the opening call drew (w), which a refund
// must name. Answers { attempts in this window, milliseconds until it ends, the window's id }.
const CONSUME_SCRIPT = `
local count = redis.call('HINCRBY', KEYS[1], 'n', 1)
if count == 1 then
  redis.call('HSET', KEYS[1], 'w', ARGV[2])
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  -- A counter that somehow lost its expiry would refuse forever; give it a window again.
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return { count, ttl, redis.call('HGET', KEYS[1], 'w') or '' }
`;

// Takes back one attempt, only from the window it was counted in (a later window is left alone).
const REFUND_SCRIPT = `
if redis.call('HGET', KEYS[1], 'w') == ARGV[1] and tonumber(redis.call('HGET', KEYS[1], 'n') or '0') > 0 then
  redis.call('HINCRBY', KEYS[1], 'n', -1)
end
return 0
`;

export class RedisRateLimiter implements RateLimiter {
  readonly #redis: Redis;
  readonly #keyPrefix: string;

  constructor(redis: Redis, keyPrefix = "usher:limit:") {
    this.#redis = redis;
    this.#keyPrefix = keyPrefix;
  }

  async consume(key: string, rule: RateRule): Promise<RateDecision> {
    const windowMs = Math.max(1, Math.ceil(rule.windowMs));
    const reply = await this.#redis.eval(CONSUME_SCRIPT, 1, this.#keyPrefix + key, windowMs, randomUUID());
    const [count, ttlMs, window] = parseReply(reply);
    if (count <= rule.limit) return { allowed: true, retryAfterSec: 0, window };
    return { allowed: false, retryAfterSec: Math.max(1, Math.ceil(ttlMs / 1000)), window };
  }

  async refund(key: string, window: string): Promise<void> {
    await this.#redis.eval(REFUND_SCRIPT, 1, this.#keyPrefix + key, window);
  }
}

function parseReply(reply: unknown): [count: number, ttlMs: number, window: string] {
  if (Array.isArray(reply) && typeof reply[0] === "number" && typeof reply[1] === "number" && typeof reply[2] === "string") {
    return [reply[0], reply[1], reply[2]];
  }
  throw new Error("Unexpected reply from the rate-limit script");
}
