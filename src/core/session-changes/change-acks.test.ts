// The node that made a change, waiting after the commit for the cluster (LEASES.md, condition 2),
// on a hand-moved clock.
import { describe, expect, it } from "vitest";
import { ChangeAcks } from "./change-acks";
import type { LeaseTimings, LiveNode } from "./ports";
import type { Schedule } from "./subscriber-hub";

const timings: LeaseTimings = {
  nodeLeaseMs: 10_000,
  nodeRenewMs: 2_000,
  subscriberLeaseMs: 4_000,
  subscriberRenewMs: 1_000,
  grantMarginMs: 1_000,
  driftMs: 200,
};

function setUp(live: () => Promise<LiveNode[]>) {
  let now = 0;
  const timers = new Set<{ at: number; fn: () => void }>();
  const schedule: Schedule = (ms, fn) => {
    const timer = { at: now + ms, fn };
    timers.add(timer);
    return () => timers.delete(timer);
  };
  const errors: unknown[] = [];
  const acks = new ChangeAcks(
    { liveNodes: live },
    timings,
    () => now,
    (error) => errors.push(error),
    schedule,
  );
  return {
    acks,
    errors,
    advance(ms: number) {
      now += ms;
      for (const timer of [...timers]) {
        if (timer.at > now) continue;
        timers.delete(timer);
        timer.fn();
      }
    },
  };
}

/** Whether a promise has settled, after every pending microtask has run. */
async function settledYet(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  for (let i = 0; i < 10; i++) await Promise.resolve();
  return done;
}

const change = { seq: 7, accountId: "a" };

describe("ChangeAcks", () => {
  it("resolves once every live node has acknowledged every change", async () => {
    const t = setUp(async () => [
      { id: "n1", remainingMs: 8_000 },
      { id: "n2", remainingMs: 8_000 },
    ]);
    const waiting = t.acks.settled([change, { seq: 8, accountId: "b" }]);
    t.acks.heard("n1", 7);
    t.acks.heard("n1", 8);
    t.acks.heard("n2", 7);
    expect(await settledYet(waiting)).toBe(false);
    t.acks.heard("n2", 8);
    expect(await settledYet(waiting)).toBe(true);
  });

  it("counts acknowledgements that arrived before the wait began", async () => {
    const t = setUp(async () => [{ id: "n1", remainingMs: 8_000 }]);
    t.acks.heard("n1", 7);
    expect(await settledYet(t.acks.settled([change]))).toBe(true);
  });

  it("stops waiting for a silent node when its lease ends, by the database's clock plus drift", async () => {
    const t = setUp(async () => [
      { id: "n1", remainingMs: 8_000 },
      { id: "silent", remainingMs: 3_000 },
    ]);
    const waiting = t.acks.settled([change]);
    t.acks.heard("n1", 7);
    await settledYet(waiting);
    t.advance(3_000 + timings.driftMs - 1);
    expect(await settledYet(waiting)).toBe(false);
    t.advance(1);
    expect(await settledYet(waiting)).toBe(true);
  });

  it("ignores acknowledgements from nodes that were not live (a node that joined later)", async () => {
    const t = setUp(async () => [{ id: "n1", remainingMs: 8_000 }]);
    const waiting = t.acks.settled([change]);
    t.acks.heard("n2", 7);
    expect(await settledYet(waiting)).toBe(false);
    t.acks.heard("n1", 7);
    expect(await settledYet(waiting)).toBe(true);
  });

  it("waits out the longest node lease when it cannot read which nodes are live", async () => {
    const t = setUp(async () => {
      throw new Error("database unreachable");
    });
    const waiting = t.acks.settled([change]);
    await settledYet(waiting);
    expect(t.errors).toHaveLength(1);
    t.advance(timings.nodeLeaseMs + timings.driftMs - 1);
    expect(await settledYet(waiting)).toBe(false);
    t.advance(1);
    expect(await settledYet(waiting)).toBe(true);
  });

  it("answers at once when nothing changed", async () => {
    const t = setUp(async () => {
      throw new Error("not asked");
    });
    expect(await settledYet(t.acks.settled([]))).toBe(true);
    expect(t.errors).toEqual([]);
  });
});
