import { describe, expect, it } from "vitest";
import { ManualClock, minutes } from "../../core/clock";
import { MemoryRateLimiter } from "./memory-rate-limiter";

const fivePerMinute = { limit: 5, windowMs: minutes(1) };

async function consumeTimes(limiter: MemoryRateLimiter, key: string, times: number) {
  const decisions = [];
  for (let i = 0; i < times; i += 1) decisions.push(await limiter.consume(key, fivePerMinute));
  return decisions;
}

describe("in-memory rate limiter", () => {
  it("allows up to the limit in a window and refuses the attempt after", async () => {
    const limiter = new MemoryRateLimiter(new ManualClock());
    const decisions = await consumeTimes(limiter, "ip:203.0.113.7", 6);
    expect(decisions.slice(0, 5)).toEqual(Array(5).fill(expect.objectContaining({ allowed: true, retryAfterSec: 0 })));
    expect(decisions[5]).toMatchObject({ allowed: false, retryAfterSec: 60 });
  });

  it("answers the seconds left in the window, rounded up, as retry-after", async () => {
    const clock = new ManualClock();
    const limiter = new MemoryRateLimiter(clock);
    await consumeTimes(limiter, "k", 5);
    clock.advance(20_500);
    expect(await limiter.consume("k", fivePerMinute)).toMatchObject({ allowed: false, retryAfterSec: 40 });
    clock.advance(39_400); // 100 ms left
    expect(await limiter.consume("k", fivePerMinute)).toMatchObject({ allowed: false, retryAfterSec: 1 });
  });

  it("opens a fresh window once the old one has passed", async () => {
    const clock = new ManualClock();
    const limiter = new MemoryRateLimiter(clock);
    await consumeTimes(limiter, "k", 6);
    clock.advance(minutes(1));
    const decisions = await consumeTimes(limiter, "k", 6);
    expect(decisions.filter((d) => d.allowed)).toHaveLength(5);
  });

  it("keeps the window fixed: attempts late in it don't extend it", async () => {
    const clock = new ManualClock();
    const limiter = new MemoryRateLimiter(clock);
    await limiter.consume("k", fivePerMinute);
    clock.advance(59_000);
    await consumeTimes(limiter, "k", 5);
    clock.advance(1_000);
    expect(await limiter.consume("k", fivePerMinute)).toMatchObject({ allowed: true, retryAfterSec: 0 });
  });

  it("counts each key separately", async () => {
    const limiter = new MemoryRateLimiter(new ManualClock());
    await consumeTimes(limiter, "account:a", 6);
    expect(await limiter.consume("account:b", fivePerMinute)).toMatchObject({ allowed: true, retryAfterSec: 0 });
  });

  it("takes back one attempt on refund: a success costs nothing, and the failures before it stay counted", async () => {
    const limiter = new MemoryRateLimiter(new ManualClock());
    await consumeTimes(limiter, "k", 4);
    const success = await limiter.consume("k", fivePerMinute);
    await limiter.refund("k", success.window);
    expect((await limiter.consume("k", fivePerMinute)).allowed).toBe(true);
    expect((await limiter.consume("k", fivePerMinute)).allowed).toBe(false);
  });

  it("refunds nothing once the window the attempt was counted in has closed", async () => {
    const clock = new ManualClock();
    const limiter = new MemoryRateLimiter(clock);
    const old = await limiter.consume("k", fivePerMinute);
    clock.advance(minutes(1));
    await consumeTimes(limiter, "k", 5);
    await limiter.refund("k", old.window);
    expect((await limiter.consume("k", fivePerMinute)).allowed).toBe(false);
  });

  it("never refunds below zero, however often a success is reported", async () => {
    const limiter = new MemoryRateLimiter(new ManualClock());
    const first = await limiter.consume("k", fivePerMinute);
    for (let i = 0; i < 10; i += 1) await limiter.refund("k", first.window);
    const decisions = await consumeTimes(limiter, "k", 6);
    expect(decisions.filter((d) => d.allowed)).toHaveLength(5);
  });

  it("caps the number of keys, evicting the oldest window, so sprayed keys can't grow memory", async () => {
    const clock = new ManualClock();
    const limiter = new MemoryRateLimiter(clock, { maxKeys: 100 });
    await consumeTimes(limiter, "victim", 6);
    for (let i = 0; i < 1_000; i += 1) {
      await limiter.consume(`spray:${i}`, fivePerMinute);
      clock.advance(1);
    }
    expect(limiter.size).toBe(100);
    // The oldest window went first; the newest are still counted.
    expect(await limiter.consume("victim", fivePerMinute)).toMatchObject({ allowed: true, retryAfterSec: 0 });
    await consumeTimes(limiter, "spray:999", 4);
    expect((await limiter.consume("spray:999", fivePerMinute)).allowed).toBe(false);
  });

  it("sweeps expired windows without a timer", async () => {
    const clock = new ManualClock();
    const limiter = new MemoryRateLimiter(clock, { sweepEvery: 10 });
    for (let i = 0; i < 9; i += 1) await limiter.consume(`old:${i}`, fivePerMinute);
    expect(limiter.size).toBe(9);
    clock.advance(minutes(1));
    await limiter.consume("new", fivePerMinute); // the tenth call sweeps
    expect(limiter.size).toBe(1);
  });
});
