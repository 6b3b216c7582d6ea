// The node's open screens: one subscription, news dispatched by account, one row read per
// screen, and nothing lost when a re-check fails or signals may have been missed.
import { describe, expect, it } from "vitest";
import { InProcessRevocationSignals } from "../../adapters/revocation/in-process-revocation-signals";
import { days, ManualClock } from "../clock";
import type { Stores } from "../ports";
import { LiveSessions, type SessionEnd } from "./live-sessions";
import type { SessionRecord } from "./ports";

const start = new Date("2026-01-01T00:00:00Z");

function session(id: string, accountId: string): SessionRecord {
  return {
    id,
    accountId,
    tokenHash: "0".repeat(64),
    profileId: null,
    deviceKind: "web",
    deviceName: "Chrome on macOS",
    userAgent: null,
    ip: null,
    createdAt: start,
    lastSeenAt: start,
    expiresAt: new Date(start.getTime() + days(30)),
    authenticatedAt: start,
    aal: 1,
    revokedAt: null,
    revokedReason: null,
  };
}

/** Sessions in a map; `reads` counts lookups, `failNext` makes the next one throw. */
function fakeStores(rows: SessionRecord[]) {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const state = { reads: 0, failNext: false };
  const stores = {
    sessions: {
      findById: async (id: string) => {
        state.reads += 1;
        if (state.failNext) {
          state.failNext = false;
          throw new Error("database unreachable");
        }
        return byId.get(id) ?? null;
      },
    },
  } as unknown as Stores;
  return { stores, byId, state };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

function setUp(rows: SessionRecord[]) {
  const clock = new ManualClock(start);
  const signals = new InProcessRevocationSignals();
  const fake = fakeStores(rows);
  const errors: unknown[] = [];
  const live = new LiveSessions({ stores: fake.stores, clock }, signals, (error) => errors.push(error));
  const ended = new Map<string, SessionEnd>();
  const watch = (row: SessionRecord) => live.watch(row, (end) => ended.set(row.id, end));
  return { clock, signals, live, ended, watch, errors, ...fake };
}

describe("LiveSessions", () => {
  it("holds one subscription for any number of screens, and tells only the revoked account's screens", async () => {
    const mine = [session("a1", "A"), session("a2", "A")];
    const theirs = session("b1", "B");
    const { signals, live, ended, watch, byId, state } = setUp([...mine, theirs]);
    mine.forEach(watch);
    watch(theirs);
    await settle();
    expect(signals.listenerCount()).toBe(1);
    expect(live.size).toBe(3);

    for (const row of mine) byId.set(row.id, { ...row, revokedAt: start, revokedReason: "signed_out_all_devices" });
    const readsBefore = state.reads;
    signals.publish("A");
    await settle();

    expect(ended.get("a1")).toEqual({ code: "SESSION_REVOKED", reason: "signed_out_all_devices" });
    expect(ended.get("a2")).toEqual({ code: "SESSION_REVOKED", reason: "signed_out_all_devices" });
    expect(ended.has("b1")).toBe(false);
    expect(state.reads - readsBefore).toBe(2);
    expect(live.size).toBe(1);
  });

  it("tells a screen once, however many signals arrive", async () => {
    const row = session("a1", "A");
    const { signals, live, byId } = setUp([row]);
    let told = 0;
    live.watch(row, () => (told += 1));
    await settle();
    byId.set("a1", { ...row, revokedAt: start, revokedReason: "password_changed" });
    signals.publish("A");
    signals.publish("A");
    signals.publish("A");
    await settle();
    expect(told).toBe(1);
  });

  it("catches a revocation that happened before the screen was watched", async () => {
    const row = { ...session("a1", "A"), revokedAt: start, revokedReason: "signed_out_by_other_device" as const };
    const { ended, watch } = setUp([row]);
    watch(row);
    await settle();
    expect(ended.get("a1")).toEqual({ code: "SESSION_REVOKED", reason: "signed_out_by_other_device" });
  });

  it("keeps a screen whose re-check failed, and tells it at the next signal", async () => {
    const row = session("a1", "A");
    const { signals, ended, watch, byId, state, errors, live } = setUp([row]);
    watch(row);
    await settle();
    byId.set("a1", { ...row, revokedAt: start, revokedReason: "signed_out" });
    state.failNext = true;
    signals.publish("A");
    await settle();
    expect(errors).toHaveLength(1);
    expect(ended.has("a1")).toBe(false);
    expect(live.size).toBe(1);

    signals.publish("A");
    await settle();
    expect(ended.get("a1")).toEqual({ code: "SESSION_REVOKED", reason: "signed_out" });
  });

  it("re-checks every screen when signals may have been missed", async () => {
    const rows = [session("a1", "A"), session("b1", "B")];
    let missed: (() => void) | undefined;
    const clock = new ManualClock(start);
    const fake = fakeStores(rows);
    const signals = new InProcessRevocationSignals();
    const subscribe = signals.subscribe.bind(signals);
    signals.subscribe = (listener, onMissed) => {
      missed = onMissed;
      return subscribe(listener, onMissed);
    };
    const live = new LiveSessions({ stores: fake.stores, clock }, signals, () => {});
    const ended: string[] = [];
    for (const row of rows) live.watch(row, () => ended.push(row.id));
    await settle();
    for (const row of rows) fake.byId.set(row.id, { ...row, revokedAt: start, revokedReason: "signed_out" });
    missed!();
    await settle();
    expect(ended.sort()).toEqual(["a1", "b1"]);
  });

  it("tells a screen whose session expired, at the next expiry sweep, without reading live ones", async () => {
    const row = session("a1", "A");
    const { clock, live, ended, watch, state } = setUp([row]);
    watch(row);
    await settle();
    const readsBefore = state.reads;
    live.recheckExpired();
    await settle();
    expect(state.reads).toBe(readsBefore);

    clock.advance(days(31));
    live.recheckExpired();
    await settle();
    expect(ended.get("a1")).toEqual({ code: "SESSION_EXPIRED", reason: "expired" });
  });

  it("forgets a screen when it is unwatched, and the account with its last screen", async () => {
    const row = session("a1", "A");
    const { live, watch } = setUp([row]);
    const unwatch = watch(row);
    expect(live.size).toBe(1);
    unwatch();
    unwatch();
    expect(live.size).toBe(0);
  });
});
