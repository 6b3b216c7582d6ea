import { Redis } from "ioredis";
import { afterEach, describe, expect, it } from "vitest";
import { hasRedisServer, RedisServer } from "../../../test/support/redis-server";
import { systemClock } from "../../core/clock";
import type { RateLimiter } from "../../core/rate-limit/ports";
import { MemoryRateLimiter } from "./memory-rate-limiter";
import { type LimiterLog, ResilientRateLimiter } from "./resilient-rate-limiter";

const rule = { limit: 3, windowMs: 60_000 };
const cleanUp: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanUp.splice(0).reverse()) await step();
});

function recordingLog(): LimiterLog & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    warn: (_details, message) => void lines.push(`warn: ${message}`),
    info: (_details, message) => void lines.push(`info: ${message}`),
  };
}

async function setUp(fallback: RateLimiter = new MemoryRateLimiter(systemClock)) {
  const server = await RedisServer.onFreePort();
  const limiter = new ResilientRateLimiter(server.url, { fallback, retryAfterFailureMs: 200 });
  const log = recordingLog();
  cleanUp.push(
    () => server.stop(),
    () => limiter.close(),
  );
  return { server, limiter, log };
}

async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("condition still false after 5 s");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe.skipIf(!hasRedisServer)("Redis-or-in-process rate limiter", () => {
  it("counts in process, without connecting, until it is started", async () => {
    const { limiter } = await setUp();
    expect(await limiter.consume("early", rule)).toMatchObject({ allowed: true, window: expect.stringMatching(/^local:/) });
    expect(limiter.reachable).toBe(false);
  });

  it("answers from memory within its timeout while Redis hangs, and tries Redis again once it answers", async () => {
    const { server, limiter, log } = await setUp();
    await server.start();
    limiter.start(log);
    await until(() => limiter.reachable);
    const direct = new Redis(server.url);
    cleanUp.push(async () => direct.disconnect());
    await direct.call("CLIENT", "PAUSE", "600", "WRITE"); // scripts wait, the connection stays open

    const started = Date.now();
    expect((await limiter.consume("hang", rule)).window).toMatch(/^local:/);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(limiter.reachable).toBe(false);
    expect(log.lines).toEqual(["warn: Redis is unreachable: rate limits are counted in this process until it returns"]);

    await until(() => Date.now() - started > 800);
    expect((await limiter.consume("hang", rule)).window).toMatch(/^redis:/);
    expect(limiter.reachable).toBe(true);
    expect(log.lines).toHaveLength(2);
    expect(log.lines[1]).toBe("info: Redis is back: rate limits are counted in Redis again");
  });

  it("gives a refund back to the limiter that counted the attempt", async () => {
    const memory = new MemoryRateLimiter(systemClock);
    const refunded: string[] = [];
    const fallback: RateLimiter = {
      consume: (key, r) => memory.consume(key, r),
      refund: async (key, window) => void refunded.push(`${key}@${window}`),
    };
    const { server, limiter, log } = await setUp(fallback);
    limiter.start(log);
    const counted = await limiter.consume("refund", rule);
    await server.start();
    await until(() => limiter.reachable);
    const inRedis = await limiter.consume("refund", rule);

    await limiter.refund("refund", counted.window);
    await limiter.refund("refund", inRedis.window);
    expect(refunded).toEqual([`refund@${counted.window.slice("local:".length)}`]);
    const direct = new Redis(server.url);
    cleanUp.push(async () => direct.disconnect());
    expect(await direct.hget("usher:limit:refund", "n")).toBe("0");
  });
});
