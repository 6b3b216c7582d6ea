// Failure: Redis, where the nodes share their rate limits, is down when a node starts, then
// goes away while it serves. The node starts anyway, keeps answering (never a 5xx, never a
// request left waiting on Redis) and keeps enforcing every limit in process; its log says once
// that Redis went and once that it came back, and /healthz stays 200 but says "degraded".
// Once Redis answers again, attempts are counted there again.
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it, type MockInstance, vi } from "vitest";
import { MemoryRateLimiter } from "../../src/adapters/rate-limit/memory-rate-limiter";
import { ResilientRateLimiter } from "../../src/adapters/rate-limit/resilient-rate-limiter";
import { systemClock } from "../../src/core/clock";
import { buildTestApp, errorCode, nextIp, type TestApp, uniqueEmail } from "../helper";
import { hasRedisServer, RedisServer } from "../support/redis-server";

if (!hasRedisServer) {
  // CI must prove this on a real redis-server; locally, a missing binary only skips this file.
  if (process.env.CI) throw new Error("redis-server is not on the PATH; CI must provide it.");
  console.warn("Skipping the Redis outage tests: no redis-server on the PATH.");
}

const WENT = ["warn", "Redis is unreachable: rate limits are counted in this process until it returns"];
const BACK = ["info", "Redis is back: rate limits are counted in Redis again"];

describe.skipIf(!hasRedisServer)("a node whose Redis is down, comes back and goes away again", () => {
  let server: RedisServer;
  let limiter: ResilientRateLimiter;
  let t: TestApp;
  let consoleErrors: MockInstance<Console["error"]>;

  beforeAll(async () => {
    consoleErrors = vi.spyOn(console, "error");
    // Not started: the node comes up while its Redis is down.
    server = await RedisServer.onFreePort();
    limiter = new ResilientRateLimiter(server.url, { fallback: new MemoryRateLimiter(systemClock) });
    t = await buildTestApp({ limiter, redis: limiter });
    limiter.start(t.app.log);
  });
  afterAll(async () => {
    await limiter?.close();
    await server?.stop();
    await t?.close();
    // ioredis prints "[ioredis] Unhandled error event" (not JSON) when nobody listens for errors.
    expect(consoleErrors.mock.calls.flat().join("\n")).not.toContain("Unhandled error event");
    consoleErrors.mockRestore();
  });

  /** Polls (every 20 ms, 5 s at most) until `condition` holds. */
  async function until(what: string, condition: () => Promise<boolean> | boolean): Promise<void> {
    const deadline = Date.now() + 5_000;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error(`still not ${what} after 5 s`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async function health() {
    const response = await t.app.inject({ method: "GET", url: "/healthz" });
    expect(response.statusCode).toBe(200);
    return response.json() as { status: string; redis?: string };
  }

  /** What the node has logged about Redis, as [level, message]. */
  function redisLines(): string[][] {
    return t.logs.lines
      .map((line) => JSON.parse(line) as { level: number; msg?: string })
      .filter((line) => line.msg?.includes("Redis"))
      .map((line) => [line.level === 40 ? "warn" : line.level === 30 ? "info" : String(line.level), line.msg!]);
  }

  /** The rate-limit counters in Redis, read by a client of the test's own. */
  async function countersInRedis(): Promise<string[]> {
    const direct = new Redis(server.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    try {
      await direct.connect();
      return await direct.keys("usher:limit:*");
    } finally {
      direct.disconnect();
    }
  }

  it("starts and serves with limits in process while Redis is down, and moves to Redis once it answers", async () => {
    await until("told that Redis is unreachable", () => redisLines().length > 0);
    expect(await health()).toEqual({ status: "ok", redis: "degraded" });
    const email = uniqueEmail("cold-start");
    expect((await t.browser({ ip: nextIp() }).signUp(email)).statusCode).toBe(201);
    expect((await t.browser({ ip: nextIp() }).signIn(email)).statusCode).toBe(200);
    expect(redisLines()).toEqual([WENT]);

    await server.start();
    await until("back on Redis", async () => (await health()).redis === "ok");
    expect(await countersInRedis()).toEqual([]);
    expect((await t.browser({ ip: nextIp() }).signIn(email)).statusCode).toBe(200);
    expect(await countersInRedis()).not.toEqual([]);
    expect(redisLines()).toEqual([WENT, BACK]);
  });

  it("keeps signing in and limiting in process when Redis goes, says so once, and counts in Redis again once it returns", async () => {
    if (!server.running) await server.start();
    await until("on Redis", async () => (await health()).redis === "ok");
    const before = redisLines().length;
    const email = uniqueEmail("outage");
    expect((await t.browser({ ip: nextIp() }).signUp(email)).statusCode).toBe(201);

    await server.stop();
    // At once, before the node may even have noticed: answered from memory, and promptly.
    const started = Date.now();
    expect((await t.browser({ ip: nextIp() }).signIn(email)).statusCode).toBe(200);
    expect(Date.now() - started).toBeLessThan(1_000);
    await until("degraded", async () => (await health()).redis === "degraded");

    // The per-account-and-address limit (10 in 15 minutes) still bites, in this process.
    const guesser = t.browser({ ip: nextIp() });
    const answers: number[] = [];
    for (let i = 0; i < 11; i++) answers.push((await guesser.signIn(email, `wrong-guess-${i}-password`)).statusCode);
    expect(answers).toEqual([...Array<number>(10).fill(401), 429]);
    expect(errorCode(await guesser.signIn(email))).toBe("RATE_LIMITED");
    expect((await t.browser({ ip: nextIp() }).signIn(email)).statusCode).toBe(200);
    expect(redisLines().slice(before)).toEqual([WENT]);

    await server.start();
    await until("back on Redis", async () => (await health()).redis === "ok");
    // The restarted Redis starts empty: a counter there now was counted there.
    expect(await countersInRedis()).toEqual([]);
    expect((await t.browser({ ip: nextIp() }).signIn(email, "one-more-wrong-password")).statusCode).toBe(401);
    expect(await countersInRedis()).not.toEqual([]);
    expect(redisLines().slice(before)).toEqual([WENT, BACK]);
  });
});
