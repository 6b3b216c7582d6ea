// The lease clock on a clock the test moves: what a renewal's answer grants, counted from when
// the renewal was sent, and which answers empty the cache before they grant anything.
import { describe, expect, it } from "vitest";
import { Lease } from "./lease.js";

const noEmptying = () => {
  throw new Error("the cache was emptied");
};

/** A lease already granted under epoch "e1" until 10,000 (renewal sent at 0, 10 s). */
function grantedLease() {
  const lease = new Lease();
  let emptied = 0;
  expect(lease.granted({ id: lease.sent(0), ms: 10_000, epoch: "e1" }, () => emptied++)).toBe(true);
  expect(emptied).toBe(1);
  return lease;
}

describe("Lease", () => {
  it("is not fresh before any answer", () => {
    const lease = new Lease();
    lease.sent(0);
    expect(lease.fresh(0)).toBe(false);
    expect(lease.epoch).toBeNull();
  });

  it("counts from when the renewal was sent, not when the answer arrived: a late answer gives less", () => {
    const lease = new Lease();
    const id = lease.sent(1_000);
    // The answer arrives 4 s later (a slow network, a paused process): 6 s are left of the 10.
    lease.granted({ id, ms: 10_000, epoch: "e1" }, () => {});
    expect(lease.fresh(5_000)).toBe(true);
    expect(lease.fresh(10_999)).toBe(true);
    expect(lease.fresh(11_000)).toBe(false);
  });

  it("grants nothing for an answer arriving after what it granted is over", () => {
    const lease = new Lease();
    const id = lease.sent(0);
    lease.granted({ id, ms: 10_000, epoch: "e1" }, () => {});
    expect(lease.fresh(12_000)).toBe(false);
  });

  it("grants nothing for ms 0", () => {
    const lease = new Lease();
    lease.granted({ id: lease.sent(0), ms: 0, epoch: "e1" }, () => {});
    expect(lease.fresh(0)).toBe(false);
    expect(lease.epoch).toBe("e1");
  });

  it("keeps what an earlier answer granted when the next one says 0", () => {
    const lease = grantedLease();
    lease.granted({ id: lease.sent(5_000), ms: 0, epoch: "e1" }, noEmptying);
    expect(lease.fresh(9_999)).toBe(true);
    expect(lease.fresh(10_000)).toBe(false);
  });

  it("empties the cache before extending when the epoch changes", () => {
    const lease = grantedLease();
    const id = lease.sent(5_000);
    const seen: Array<{ fresh: boolean; epoch: string | null }> = [];
    lease.granted({ id, ms: 10_000, epoch: "e2" }, () => seen.push({ fresh: lease.fresh(12_000), epoch: lease.epoch }));
    // When the cache was emptied, nothing of the new answer was in force yet.
    expect(seen).toEqual([{ fresh: false, epoch: "e1" }]);
    expect(lease.epoch).toBe("e2");
    expect(lease.fresh(14_999)).toBe(true);
    expect(lease.fresh(15_000)).toBe(false);
  });

  it("does not empty the cache for an answer in the epoch it holds", () => {
    const lease = grantedLease();
    lease.granted({ id: lease.sent(1_000), ms: 10_000, epoch: "e1" }, noEmptying);
    expect(lease.fresh(10_999)).toBe(true);
  });

  it("never shortens the lease for an older renewal's answer arriving last", () => {
    const lease = new Lease();
    const older = lease.sent(0);
    const newer = lease.sent(5_000);
    lease.granted({ id: newer, ms: 10_000, epoch: "e1" }, () => {});
    lease.granted({ id: older, ms: 10_000, epoch: "e1" }, noEmptying);
    expect(lease.fresh(14_999)).toBe(true);
  });

  it("refuses an answer to a renewal never sent, or answered already", () => {
    const lease = new Lease();
    const id = lease.sent(0);
    expect(lease.granted({ id: id + 1, ms: 10_000, epoch: "e1" }, noEmptying)).toBe(false);
    expect(lease.granted({ id, ms: 10_000, epoch: "e1" }, () => {})).toBe(true);
    expect(lease.granted({ id, ms: 10_000, epoch: "e1" }, noEmptying)).toBe(false);
    expect(lease.unanswered).toBe(0);
  });

  it("is checked against the time given each time, with nothing running in between", () => {
    const lease = grantedLease();
    expect([0, 9_999, 10_000, 5_000, 20_000].map((now) => lease.fresh(now))).toEqual([true, true, false, true, false]);
  });

  it("ends at once, and forgets the renewals waiting for an answer", () => {
    const lease = grantedLease();
    const id = lease.sent(1_000);
    lease.ended();
    expect(lease.fresh(1_000)).toBe(false);
    expect(lease.unanswered).toBe(0);
    expect(lease.granted({ id, ms: 10_000, epoch: "e1" }, noEmptying)).toBe(false);
    expect(lease.fresh(1_000)).toBe(false);
  });

  it("never reuses a renewal id", () => {
    const lease = new Lease();
    const first = lease.sent(0);
    lease.ended();
    expect(lease.sent(0)).toBeGreaterThan(first);
  });
});
