// Email and SMS waiting to be delivered. Messages are written in the same transaction as the
// change they report, so a committed change always has its notice and a rolled-back one never.
import { randomUUID } from "node:crypto";
import { asc, desc, eq, isNull } from "drizzle-orm";
import type { OutboxChannel, OutboxMessageRecord, OutboxStore } from "../../core/ports";
import type { Database } from "../database";
import { outbox } from "../schema";

type OutboxRow = typeof outbox.$inferSelect;

const toRecord = (row: OutboxRow): OutboxMessageRecord => ({
  ...row,
  channel: row.channel as OutboxChannel,
  payload: row.payload as Record<string, unknown>,
});

export function createOutboxStore(db: Database): OutboxStore {
  return {
    async enqueue(message) {
      await db.insert(outbox).values({ ...message, id: randomUUID() });
    },

    async listPending(limit) {
      // Inside a dispatcher's transaction the rows stay locked until it ends, and other
      // nodes skip them instead of waiting, so several nodes can share the queue.
      const rows = await db
        .select()
        .from(outbox)
        .where(isNull(outbox.sentAt))
        .orderBy(asc(outbox.createdAt))
        .limit(limit)
        .for("update", { skipLocked: true });
      return rows.map(toRecord);
    },

    async markSent(id, at) {
      await db.update(outbox).set({ sentAt: at }).where(eq(outbox.id, id));
    },

    async listRecent(limit) {
      const rows = await db.select().from(outbox).orderBy(desc(outbox.createdAt)).limit(limit);
      return rows.map(toRecord);
    },
  };
}
