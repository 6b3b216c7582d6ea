// Rate limits shared through Redis while it answers, counted in this process while it doesn't.
// A Redis outage must not turn every sign-in into an error, nor lift the limits: each node
// keeps enforcing them on its own until Redis returns (an attacker spreading attempts over
// the nodes gets one budget per node meanwhile, which is the price of staying up).
import { Redis } from "ioredis";
import { loggableError } from "../../core/loggable-error";
import type { RateDecision, RateLimiter, RateRule } from "../../core/rate-limit/ports";
import { RedisRateLimiter } from "./redis-rate-limiter";

/** Where the limiter says that Redis went and came back: a pino/Fastify logger fits. */
export interface LimiterLog {
  warn(details: Record<string, unknown>, message: string): void;
  info(details: Record<string, unknown>, message: string): void;
}

export interface ResilientRateLimiterOptions {
  /** Counts while Redis is unreachable (a MemoryRateLimiter). */
  fallback: RateLimiter;
  keyPrefix?: string;
  /** The longest one Redis call may take before the fallback answers instead. */
  commandTimeoutMs?: number;
  /** After a call failed on a connection that still looks open, how long until Redis is tried again. */
  retryAfterFailureMs?: number;
}

// Which limiter counted an attempt, so that its refund goes back to the same one.
const IN_REDIS = "redis:";
const IN_PROCESS = "local:";

export class ResilientRateLimiter implements RateLimiter {
  readonly #redis: Redis;
  readonly #shared: RedisRateLimiter;
  readonly #fallback: RateLimiter;
  readonly #retryAfterFailureMs: number;
  #log: LimiterLog | null = null;
  /** What the log last said; a node starts expecting Redis, so a good start says nothing. */
  #said: "up" | "down" = "up";
  /** When a call last failed on an open connection; null once Redis answers again. */
  #failedAt: number | null = null;
  #closed = false;

  constructor(url: string, options: ResilientRateLimiterOptions) {
    this.#redis = new Redis(url, {
      // Connects when `start` says so, once there is a log to report to.
      lazyConnect: true,
      // A call while disconnected fails at once rather than waiting for the connection, and
      // one caught mid-flight is never replayed later: the fallback has already counted it.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      autoResendUnfulfilledCommands: false,
      commandTimeout: options.commandTimeoutMs ?? 300,
      connectTimeout: 1_000,
      // Never gives up: limits go back to Redis as soon as it answers again.
      retryStrategy: (attempt) => Math.min(attempt * 100, 1_000),
    });
    this.#shared = new RedisRateLimiter(this.#redis, options.keyPrefix);
    this.#fallback = options.fallback;
    this.#retryAfterFailureMs = options.retryAfterFailureMs ?? 1_000;
    // Without an 'error' listener ioredis prints every failed reconnection to stderr.
    this.#redis.on("error", (error: unknown) => this.#down(error));
    this.#redis.on("close", () => this.#down());
    this.#redis.on("ready", () => this.#answered());
  }

  /** Whether limits are counted in Redis now (and not in this process): /healthz reports it. */
  get reachable(): boolean {
    return this.#redis.status === "ready" && this.#failedAt === null;
  }

  /** Starts connecting; until Redis answers, limits are counted in this process. */
  start(log: LimiterLog): void {
    this.#log = log;
    this.#redis.connect().catch(() => {
      // The 'error' listener has reported it, and ioredis keeps reconnecting.
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#redis.disconnect();
  }

  async consume(key: string, rule: RateRule): Promise<RateDecision> {
    if (this.#goesToRedis()) {
      try {
        const decision = await this.#shared.consume(key, rule);
        this.#answered();
        return { ...decision, window: IN_REDIS + decision.window };
      } catch (error) {
        this.#failed(error);
      }
    }
    const decision = await this.#fallback.consume(key, rule);
    return { ...decision, window: IN_PROCESS + decision.window };
  }

  async refund(key: string, window: string): Promise<void> {
    if (window.startsWith(IN_PROCESS)) return this.#fallback.refund(key, window.slice(IN_PROCESS.length));
    if (!window.startsWith(IN_REDIS) || !this.#goesToRedis()) return; // the attempt stays counted: the safe side
    try {
      await this.#shared.refund(key, window.slice(IN_REDIS.length));
      this.#answered();
    } catch (error) {
      this.#failed(error);
    }
  }

  /** Whether this call is counted in Redis (after a failure, only one call a while tries it). */
  #goesToRedis(): boolean {
    if (this.#redis.status !== "ready") return false;
    if (this.#failedAt === null) return true;
    if (Date.now() - this.#failedAt < this.#retryAfterFailureMs) return false;
    // This call tries Redis; the others keep counting in process until it has answered.
    this.#failedAt = Date.now();
    return true;
  }

  #answered(): void {
    this.#failedAt = null;
    this.#up();
  }

  // A connection that stays open while calls fail or time out sends no event when it recovers,
  // so one call tries Redis again every `retryAfterFailureMs`.
  #failed(error: unknown): void {
    this.#failedAt = Date.now();
    this.#down(error);
  }

  #up(): void {
    if (this.#said === "up" || this.#closed) return;
    this.#said = "up";
    this.#log?.info({}, "Redis is back: rate limits are counted in Redis again");
  }

  #down(error?: unknown): void {
    if (this.#said === "down" || this.#closed) return;
    this.#said = "down";
    this.#log?.warn(error ? loggableError(error) : {}, "Redis is unreachable: rate limits are counted in this process until it returns");
  }
}
