// A node's verifiers on a hand-moved clock: the leases it grants, the changes it pushes, and
// when it acknowledges a change to the cluster (LEASES.md, conditions 2 to 5).
import { beforeEach, describe, expect, it } from "vitest";
import type { LeaseTimings } from "./ports";
import { type Schedule, SubscriberHub, type SubscriberLink } from "./subscriber-hub";

const timings: LeaseTimings = {
  nodeLeaseMs: 10_000,
  nodeRenewMs: 2_000,
  subscriberLeaseMs: 4_000,
  subscriberRenewMs: 1_000,
  grantMarginMs: 1_000,
  driftMs: 200,
};

/** A clock and timers moved by hand. */
class FakeTime {
  now = 0;
  readonly timers = new Set<{ at: number; fn: () => void }>();
  schedule: Schedule = (ms, fn) => {
    const timer = { at: this.now + ms, fn };
    this.timers.add(timer);
    return () => this.timers.delete(timer);
  };
  advance(ms: number): void {
    this.now += ms;
    for (const timer of [...this.timers].sort((a, b) => a.at - b.at)) {
      if (timer.at > this.now) continue;
      this.timers.delete(timer);
      timer.fn();
    }
  }
}

class RecordingLink implements SubscriberLink {
  readonly changes: Array<{ n: number; accountId: string }> = [];
  readonly leases: Array<{ id: number; ms: number; epoch: string }> = [];
  change(n: number, accountId: string): void {
    this.changes.push({ n, accountId });
  }
  lease(id: number, ms: number, epoch: string): void {
    this.leases.push({ id, ms, epoch });
  }
  get lastLease() {
    return this.leases.at(-1)!;
  }
}

let time: FakeTime;
let acknowledged: number[];
let hub: SubscriberHub;

beforeEach(() => {
  time = new FakeTime();
  acknowledged = [];
  hub = new SubscriberHub(
    timings,
    () => time.now,
    (seq) => acknowledged.push(seq),
    time.schedule,
  );
  hub.listening("epoch-1");
  hub.ownLeaseRenewed(0);
});

describe("SubscriberHub", () => {
  it("takes subscribers only while it hears changes and its own lease runs", () => {
    expect(hub.accepting).toBe(true);
    hub.deaf();
    expect(hub.accepting).toBe(false);
    hub.listening("epoch-2");
    time.advance(timings.nodeLeaseMs);
    expect(hub.accepting).toBe(false);
  });

  it("grants a verifier's lease no longer than its own lease less the margin (clocks)", () => {
    const link = new RecordingLink();
    const subscription = hub.join(link);
    subscription.renew(1, 0);
    expect(link.lastLease).toEqual({ id: 1, ms: timings.subscriberLeaseMs, epoch: "epoch-1" });
    // 10 s node lease renewed at 0: at 6.5 s only 10 − 1 − 6.5 = 2.5 s are left to grant.
    time.advance(6_500);
    subscription.renew(2, 0);
    expect(link.lastLease.ms).toBe(2_500);
    time.advance(2_500);
    subscription.renew(3, 0);
    expect(link.lastLease.ms).toBe(0);
    // Its own lease renewed (counted from when that renewal was sent), grants are whole again.
    hub.ownLeaseRenewed(time.now);
    subscription.renew(4, 0);
    expect(link.lastLease.ms).toBe(timings.subscriberLeaseMs);
  });

  it("acknowledges a change at once when no verifier holds a lease", () => {
    const link = new RecordingLink();
    hub.join(link);
    hub.changed({ seq: 7, accountId: "a" });
    expect(link.changes).toEqual([{ n: 1, accountId: "a" }]);
    expect(acknowledged).toEqual([7]);
  });

  it("acknowledges a change once every verifier holding a lease has applied it (every node)", () => {
    const first = new RecordingLink();
    const second = new RecordingLink();
    const a = hub.join(first);
    const b = hub.join(second);
    a.renew(1, 0);
    b.renew(1, 0);
    hub.changed({ seq: 7, accountId: "a" });
    expect(acknowledged).toEqual([]);
    a.ack(1);
    expect(acknowledged).toEqual([]);
    b.ack(1);
    expect(acknowledged).toEqual([7]);
  });

  it("acknowledges a change a verifier never applies once that verifier's lease has ended, drift included", () => {
    const link = new RecordingLink();
    hub.join(link).renew(1, 0);
    hub.changed({ seq: 7, accountId: "a" });
    // Counted from receipt, plus the drift margin: the verifier counted from its send, earlier.
    time.advance(timings.subscriberLeaseMs + timings.driftMs - 1);
    expect(acknowledged).toEqual([]);
    time.advance(1);
    expect(acknowledged).toEqual([7]);
  });

  it("does not renew a verifier that has not applied every change pushed to it (no renewal over a gap)", () => {
    const link = new RecordingLink();
    const subscription = hub.join(link);
    subscription.renew(1, 0);
    hub.changed({ seq: 7, accountId: "a" });
    hub.changed({ seq: 8, accountId: "b" });
    // Its heartbeats still arrive, but say it applied only the first push: the second was lost.
    subscription.renew(2, 1);
    expect(link.lastLease.ms).toBe(0);
    expect(acknowledged).toEqual([7]);
    subscription.renew(3, 2);
    expect(link.lastLease.ms).toBe(timings.subscriberLeaseMs);
    expect(acknowledged).toEqual([7, 8]);
  });

  it("does not believe an acknowledgement of more than was pushed", () => {
    const link = new RecordingLink();
    const subscription = hub.join(link);
    subscription.renew(1, 0);
    subscription.ack(5);
    hub.changed({ seq: 7, accountId: "a" });
    expect(acknowledged).toEqual([]);
  });

  it("renews nothing while it cannot hear changes, and names a new epoch when it can again (listener loss)", () => {
    const link = new RecordingLink();
    const subscription = hub.join(link);
    subscription.renew(1, 0);
    hub.deaf();
    subscription.renew(2, 0);
    expect(link.lastLease.ms).toBe(0);
    hub.listening("epoch-2");
    subscription.renew(3, 0);
    expect(link.lastLease).toEqual({ id: 3, ms: timings.subscriberLeaseMs, epoch: "epoch-2" });
  });

  it("waits for a verifier whose socket closed until its lease ends: it can no longer hear, but may still answer", () => {
    const link = new RecordingLink();
    const subscription = hub.join(link);
    subscription.renew(1, 0);
    subscription.leave();
    expect(hub.subscriberCount).toBe(0);
    hub.changed({ seq: 7, accountId: "a" });
    expect(link.changes).toEqual([]);
    expect(acknowledged).toEqual([]);
    time.advance(timings.subscriberLeaseMs + timings.driftMs);
    expect(acknowledged).toEqual([7]);
    // Once its lease is over it is forgotten: later changes do not wait for it.
    hub.changed({ seq: 8, accountId: "a" });
    expect(acknowledged).toEqual([7, 8]);
  });

  it("acknowledges each change on its own, in whatever order verifiers catch up", () => {
    const link = new RecordingLink();
    const subscription = hub.join(link);
    subscription.renew(1, 0);
    hub.changed({ seq: 9, accountId: "a" });
    hub.changed({ seq: 4, accountId: "b" });
    subscription.ack(1);
    expect(acknowledged).toEqual([9]);
    subscription.ack(2);
    expect(acknowledged).toEqual([9, 4]);
  });
});
