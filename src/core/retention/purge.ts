// The retention purge: deletes what the configured periods no longer keep. Every node tries it
// now and then (and `usher purge` on demand); one at a time does it. The whole round is one
// transaction that first takes the purge's turn, so the turn is held for every delete of the
// round and a node that cannot take it skips the round. Deletes go in batches, each kind
// capped per round, so a first purge of a large table is a series of bounded rounds.
//
// No unit of work: what it deletes had ended, so no session answer changes and nobody waits
// to hear of it (the database still notifies the deletion of a session that merely expired).
import type { CoreDeps } from "../deps";

/** How many rows of each kind one round removed. */
export interface PurgeCounts {
  sessions: number;
  streams: number;
  auditEvents: number;
  /** Webhook deliveries and messages about no account, deleted whole. */
  deliveries: number;
  /** Emails and texts reduced to the record that they were sent. */
  messagesEmptied: number;
  /** Those records, once past the audit period. */
  messageRecords: number;
}

export type PurgeOutcome =
  /** `more`: a kind reached the round's cap, so more may be due now. */
  | { purged: true; removed: PurgeCounts; more: boolean }
  /** Another purge holds the turn; this one did nothing. */
  | { purged: false };

export async function purgeExpiredData(deps: Pick<CoreDeps, "stores" | "clock" | "config">): Promise<PurgeOutcome> {
  const { retention } = deps.config;
  const now = deps.clock.now().getTime();
  const before = (keptMs: number) => new Date(now - keptMs);
  const messagesBefore = before(retention.messagesMs);
  const auditBefore = before(retention.auditMs);

  return deps.stores.transaction(async ({ retention: store }): Promise<PurgeOutcome> => {
    if (!(await store.takePurgeTurn())) return { purged: false };
    let more = false;
    const inBatches = async (remove: (limit: number) => Promise<number>): Promise<number> => {
      const counted = await removeInBatches(remove, retention.batchSize, retention.maxRowsPerRun);
      more ||= counted.capped;
      return counted.removed;
    };
    // Streams first: a session is kept while an ended stream of it is.
    const streams = await inBatches((n) => store.deleteEndedStreams(before(retention.streamsMs), n));
    const sessions = await inBatches((n) => store.deleteEndedSessions(before(retention.sessionsMs), n));
    const auditEvents = await inBatches((n) => store.deleteAuditEvents(auditBefore, n));
    // Records past the audit period go before emptying, which would otherwise work on them first.
    const messageRecords = await inBatches((n) => store.deleteMessageRecords(auditBefore, n));
    const deliveries = await inBatches((n) => store.deleteFinishedDeliveries(messagesBefore, n));
    const messagesEmptied = await inBatches((n) => store.emptyFinishedMessages(messagesBefore, n));
    return { purged: true, removed: { sessions, streams, auditEvents, deliveries, messagesEmptied, messageRecords }, more };
  });
}

/** Whether a round removed anything at all (what is worth a log line). */
export const removedAnything = (removed: PurgeCounts): boolean => Object.values(removed).some((count) => count > 0);

/** Calls `remove` with at most `batchSize` until a batch comes back short or `max` rows are gone. */
async function removeInBatches(
  remove: (limit: number) => Promise<number>,
  batchSize: number,
  max: number,
): Promise<{ removed: number; capped: boolean }> {
  let removed = 0;
  while (removed < max) {
    const limit = Math.min(batchSize, max - removed);
    const count = await remove(limit);
    removed += count;
    if (count < limit) return { removed, capped: false };
  }
  return { removed, capped: true };
}
