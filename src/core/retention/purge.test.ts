import { beforeEach, describe, expect, it } from "vitest";
import { days, ManualClock } from "../clock";
import { defaultCoreConfig, type RetentionConfig } from "../config";
import type { Stores } from "../ports";
import type { RetentionStore } from "./ports";
import { purgeExpiredData, removedAnything } from "./purge";

type Removal = Exclude<keyof RetentionStore, "takePurgeTurn">;

/** A store holding `due[kind]` rows past any cutoff, noting every call and whether it ran inside the transaction. */
class FakeRetentionStore implements RetentionStore {
  calls: { kind: Removal; before: string; limit: number; inTransaction: boolean }[] = [];
  turnFree = true;
  turnTaken = false;
  inTransaction = false;
  due: Record<Removal, number> = {
    deleteEndedSessions: 0,
    deleteEndedStreams: 0,
    deleteAuditEvents: 0,
    deleteFinishedDeliveries: 0,
    emptyFinishedMessages: 0,
    deleteMessageRecords: 0,
  };

  async takePurgeTurn() {
    if (!this.inTransaction) throw new Error("the turn is taken inside the transaction");
    this.turnTaken = this.turnFree;
    return this.turnFree;
  }

  private remove(kind: Removal, before: Date, limit: number): Promise<number> {
    if (!this.turnTaken) throw new Error(`${kind} without the purge's turn`);
    this.calls.push({ kind, before: before.toISOString(), limit, inTransaction: this.inTransaction });
    const count = Math.min(limit, this.due[kind]);
    this.due[kind] -= count;
    return Promise.resolve(count);
  }

  deleteEndedSessions = (before: Date, limit: number) => this.remove("deleteEndedSessions", before, limit);
  deleteEndedStreams = (before: Date, limit: number) => this.remove("deleteEndedStreams", before, limit);
  deleteAuditEvents = (before: Date, limit: number) => this.remove("deleteAuditEvents", before, limit);
  deleteFinishedDeliveries = (before: Date, limit: number) => this.remove("deleteFinishedDeliveries", before, limit);
  emptyFinishedMessages = (before: Date, limit: number) => this.remove("emptyFinishedMessages", before, limit);
  deleteMessageRecords = (before: Date, limit: number) => this.remove("deleteMessageRecords", before, limit);
}

let store: FakeRetentionStore;
let clock: ManualClock;

beforeEach(() => {
  store = new FakeRetentionStore();
  clock = new ManualClock("2026-06-30T12:00:00Z");
});

function purge(retention: Partial<RetentionConfig> = {}) {
  const stores = {
    retention: store,
    async transaction<T>(work: (stores: Stores) => Promise<T>): Promise<T> {
      store.inTransaction = true;
      try {
        return await work(stores as unknown as Stores);
      } finally {
        store.inTransaction = false;
        store.turnTaken = false;
      }
    },
  };
  const config = { ...defaultCoreConfig, retention: { ...defaultCoreConfig.retention, ...retention } };
  return purgeExpiredData({ stores: stores as unknown as Stores, clock, config });
}

describe("the retention purge", () => {
  it("removes what ended before each period, counted back from the clock, in one transaction", async () => {
    const outcome = await purge();
    expect(outcome).toEqual({
      purged: true,
      removed: { sessions: 0, streams: 0, auditEvents: 0, deliveries: 0, messagesEmptied: 0, messageRecords: 0 },
      more: false,
    });
    // Streams before sessions (a session stays while an ended stream of it does). 30 days for sessions, 90 for streams, 400 for audit events and the records of messages, 7 for messages.
    expect(store.calls).toEqual([
      { kind: "deleteEndedStreams", before: "2026-04-01T12:00:00.000Z", limit: 1000, inTransaction: true },
      { kind: "deleteEndedSessions", before: "2026-05-31T12:00:00.000Z", limit: 1000, inTransaction: true },
      { kind: "deleteAuditEvents", before: "2025-05-26T12:00:00.000Z", limit: 1000, inTransaction: true },
      { kind: "deleteMessageRecords", before: "2025-05-26T12:00:00.000Z", limit: 1000, inTransaction: true },
      { kind: "deleteFinishedDeliveries", before: "2026-06-23T12:00:00.000Z", limit: 1000, inTransaction: true },
      { kind: "emptyFinishedMessages", before: "2026-06-23T12:00:00.000Z", limit: 1000, inTransaction: true },
    ]);
  });

  it("moves its cutoffs with the clock and the configured periods", async () => {
    clock.advance(days(1));
    await purge({ sessionsMs: days(1), auditMs: days(2) });
    expect(store.calls.find((call) => call.kind === "deleteEndedSessions")?.before).toBe("2026-06-30T12:00:00.000Z");
    expect(store.calls.find((call) => call.kind === "deleteAuditEvents")?.before).toBe("2026-06-29T12:00:00.000Z");
  });

  it("deletes in batches until one comes back short, and counts every row", async () => {
    store.due.deleteEndedSessions = 5;
    store.due.emptyFinishedMessages = 4;
    const outcome = await purge({ batchSize: 2 });
    expect(outcome).toMatchObject({ purged: true, removed: { sessions: 5, messagesEmptied: 4 }, more: false });
    const limits = (kind: Removal) => store.calls.filter((call) => call.kind === kind).map((call) => call.limit);
    expect(limits("deleteEndedSessions")).toEqual([2, 2, 2]);
    // A full last batch needs one more call to learn nothing is left.
    expect(limits("emptyFinishedMessages")).toEqual([2, 2, 2]);
    expect(limits("deleteAuditEvents")).toEqual([2]);
  });

  it("stops a kind at the round's cap and says more may be due, while the other kinds still run", async () => {
    store.due.deleteAuditEvents = 12;
    store.due.deleteEndedStreams = 3;
    const outcome = await purge({ batchSize: 4, maxRowsPerRun: 10 });
    expect(outcome).toMatchObject({ purged: true, removed: { auditEvents: 10, streams: 3 }, more: true });
    expect(store.calls.filter((call) => call.kind === "deleteAuditEvents").map((call) => call.limit)).toEqual([4, 4, 2]);
    expect(store.due.deleteAuditEvents).toBe(2);

    const next = await purge({ batchSize: 4, maxRowsPerRun: 10 });
    expect(next).toMatchObject({ removed: { auditEvents: 2, streams: 0 }, more: false });
  });

  it("does nothing while another purge holds the turn", async () => {
    store.turnFree = false;
    store.due.deleteEndedSessions = 3;
    expect(await purge()).toEqual({ purged: false });
    expect(store.calls).toEqual([]);
    expect(store.due.deleteEndedSessions).toBe(3);
  });

  it("tells a round that removed something from one that did not", () => {
    const none = { sessions: 0, streams: 0, auditEvents: 0, deliveries: 0, messagesEmptied: 0, messageRecords: 0 };
    expect(removedAnything(none)).toBe(false);
    expect(removedAnything({ ...none, messagesEmptied: 1 })).toBe(true);
  });
});
