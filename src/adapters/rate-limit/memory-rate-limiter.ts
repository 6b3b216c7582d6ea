// A fixed-window rate limiter held in this process's memory: for a single node, dev and
// tests. Several nodes must share limits through RedisRateLimiter instead.
import type { Clock } from "../../core/clock";
import type { RateDecision, RateLimiter, RateRule } from "../../core/rate-limit/ports";

export interface MemoryRateLimiterOptions {
  /**
   * Most keys remembered at once; past it the oldest window is forgotten. Keeps an attacker
   * who sprays fresh keys (IPs, emails) from growing memory without bound. The price is
   * that such a spray can evict a real key early, so keep it well above honest traffic.
   */
  maxKeys?: number;
  /** Expired windows are swept once every this many calls (no timer to keep alive). */
  sweepEvery?: number;
}

interface Window {
  id: string;
  count: number;
  endsAt: number;
}

export class MemoryRateLimiter implements RateLimiter {
  // A Map iterates in insertion order, and a key is re-inserted whenever its window opens,
  // so the first entry is always the window opened longest ago: the one to evict.
  readonly #windows = new Map<string, Window>();
  readonly #clock: Clock;
  readonly #maxKeys: number;
  readonly #sweepEvery: number;
  #callsSinceSweep = 0;
  #windowsOpened = 0;

  constructor(clock: Clock, options: MemoryRateLimiterOptions = {}) {
    this.#clock = clock;
    this.#maxKeys = Math.max(1, options.maxKeys ?? 100_000);
    this.#sweepEvery = Math.max(1, options.sweepEvery ?? 1_000);
  }

  /** How many keys are remembered now. */
  get size(): number {
    return this.#windows.size;
  }

  async consume(key: string, rule: RateRule): Promise<RateDecision> {
    const now = this.#clock.now().getTime();
    this.#maybeSweep(now);

    const open = this.#windows.get(key);
    if (open !== undefined && now < open.endsAt) {
      open.count += 1;
      if (open.count <= rule.limit) return { allowed: true, retryAfterSec: 0, window: open.id };
      return { allowed: false, retryAfterSec: Math.max(1, Math.ceil((open.endsAt - now) / 1000)), window: open.id };
    }

    this.#windows.delete(key);
    while (this.#windows.size >= this.#maxKeys) this.#evictOldest();
    this.#windowsOpened += 1;
    const opened = { id: String(this.#windowsOpened), count: 1, endsAt: now + rule.windowMs };
    this.#windows.set(key, opened);
    if (rule.limit >= 1) return { allowed: true, retryAfterSec: 0, window: opened.id };
    return { allowed: false, retryAfterSec: Math.max(1, Math.ceil(rule.windowMs / 1000)), window: opened.id };
  }

  async refund(key: string, window: string): Promise<void> {
    const open = this.#windows.get(key);
    if (open === undefined || open.id !== window || open.count === 0) return;
    if (this.#clock.now().getTime() >= open.endsAt) return;
    open.count -= 1;
  }

  #maybeSweep(now: number): void {
    this.#callsSinceSweep += 1;
    if (this.#callsSinceSweep < this.#sweepEvery) return;
    this.#callsSinceSweep = 0;
    for (const [key, window] of this.#windows) {
      if (window.endsAt <= now) this.#windows.delete(key);
    }
  }

  #evictOldest(): void {
    const oldest = this.#windows.keys().next();
    if (!oldest.done) this.#windows.delete(oldest.value);
  }
}
