// A TV sign-in flow as a record with a status and an expiry, and the pure transitions that
// say what a poll or a decision does to it. The use cases apply them with conditional
// updates, so concurrent requests cannot both win.
import type { TvCodeRecord } from "./ports";

/** What the TV's poll gets, in RFC 8628 terms. */
export type PollOutcome =
  | { kind: "redeem" }
  | { kind: "authorization_pending"; nextIntervalSec: number }
  | { kind: "slow_down"; nextIntervalSec: number }
  | { kind: "access_denied" }
  | { kind: "expired_token" }
  /** Already redeemed: the device code is spent. */
  | { kind: "invalid_grant" };

export function isExpired(flow: TvCodeRecord, now: Date): boolean {
  return now.getTime() >= flow.expiresAt.getTime();
}

/**
 * A poll at `now`. An approved flow redeems at once, whatever the pace (the TV should not
 * wait longer than it must); a pending one answers slow_down when polled sooner than the
 * interval after the last poll, and the interval grows by `slowDownStepSec` (RFC 8628 §3.5).
 */
export function pollTransition(flow: TvCodeRecord, now: Date, slowDownStepSec: number): PollOutcome {
  if (flow.status === "redeemed") return { kind: "invalid_grant" };
  if (isExpired(flow, now)) return { kind: "expired_token" };
  if (flow.status === "denied") return { kind: "access_denied" };
  if (flow.status === "approved") return { kind: "redeem" };
  const tooSoon = flow.lastPolledAt !== null && now.getTime() - flow.lastPolledAt.getTime() < flow.intervalSec * 1000;
  return tooSoon
    ? { kind: "slow_down", nextIntervalSec: flow.intervalSec + slowDownStepSec }
    : { kind: "authorization_pending", nextIntervalSec: flow.intervalSec };
}

/** Why a viewer can't approve or deny this flow any more, or null when they can. */
export function decisionBlocker(flow: TvCodeRecord, now: Date): "TV_CODE_EXPIRED" | "TV_CODE_ALREADY_USED" | null {
  if (flow.status !== "pending") return "TV_CODE_ALREADY_USED";
  if (isExpired(flow, now)) return "TV_CODE_EXPIRED";
  return null;
}
