// What the metrics read from the database when scraped: the outbox's backlog and the streams
// being watched. Each is one aggregate over a partial index (outbox_due_idx,
// stream_account_live_idx), so a scrape stays cheap however long the history grows.
import { and, count, gt, isNull, min } from "drizzle-orm";
import type { Database } from "./database";
import { outbox, stream } from "./schema";

export interface OutboxBacklog {
  /** Messages neither sent nor given up on: due now, leased, or waiting to retry. */
  pending: number;
  /** When the oldest of them was written; null when there are none. */
  oldestCreatedAt: Date | null;
}

export async function readOutboxBacklog(db: Database): Promise<OutboxBacklog> {
  const [row] = await db
    .select({ pending: count(), oldestCreatedAt: min(outbox.createdAt) })
    .from(outbox)
    .where(and(isNull(outbox.sentAt), isNull(outbox.failedAt)));
  return { pending: row?.pending ?? 0, oldestCreatedAt: row?.oldestCreatedAt ?? null };
}

/** Streams not ended whose player has heartbeated since `liveSince`, on every node. */
export async function countLiveStreams(db: Database, liveSince: Date): Promise<number> {
  const [row] = await db
    .select({ live: count() })
    .from(stream)
    .where(and(isNull(stream.endedAt), gt(stream.lastHeartbeatAt, liveSince)));
  return row?.live ?? 0;
}
