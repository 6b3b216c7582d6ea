// Email and SMS waiting to be delivered. Messages are written in the same transaction as the
// change they report, so a committed change always has its notice and a rolled-back one never.
import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import type { Language } from "../../contract/languages";
import type { MessageChannel, OutboxChannel, OutboxMessageInput, OutboxMessageRecord, OutboxStore } from "../../core/delivery/ports";
import type { Database } from "../database";
import { account, outbox } from "../schema";

type OutboxRow = typeof outbox.$inferSelect;

const toRecord = (row: OutboxRow): OutboxMessageRecord => ({
  ...row,
  channel: row.channel as OutboxChannel,
  payload: row.payload as Record<string, unknown>,
});

/** The row a message is queued as: due at once. */
export const outboxRow = (message: OutboxMessageInput) => ({ ...message, id: randomUUID(), nextAttemptAt: message.createdAt });

export function createOutboxStore(db: Database): OutboxStore {
  return {
    async enqueue(message) {
      await db.insert(outbox).values(outboxRow(message));
    },

    async claimDue(now, leaseUntil, limit) {
      // The claim is its own short transaction: rows another node is claiming at this instant
      // are skipped, not waited for, and once it commits the lease (next_attempt_at in the
      // future) keeps them out of every other claim while this node sends, with no lock or
      // transaction held across the send. A node that dies mid-send leaves them due again
      // when the lease ends.
      const due = db
        .select({ id: outbox.id })
        .from(outbox)
        .where(and(isNull(outbox.sentAt), isNull(outbox.failedAt), lte(outbox.nextAttemptAt, now)))
        .orderBy(asc(outbox.nextAttemptAt))
        .limit(limit)
        .for("update", { skipLocked: true });
      const claimed = db.$with("claimed").as(
        db
          .update(outbox)
          .set({ nextAttemptAt: leaseUntil, attempts: sql`${outbox.attempts} + 1` })
          .where(inArray(outbox.id, due))
          .returning(),
      );
      // With each message, the language and time zone of the account it is about: what its
      // reader is read in, in the same statement.
      const readers = db.select({ id: account.id, language: account.language, timeZone: account.timeZone }).from(account).as("reader");
      const rows = await db.with(claimed).select().from(claimed).leftJoin(readers, eq(readers.id, claimed.accountId));
      return rows
        .map(({ claimed: message, reader }) => ({
          ...toRecord(message),
          accountReader: reader && { language: reader.language as Language, timeZone: reader.timeZone },
        }))
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    },

    async markSent(id, at, redactedPayload) {
      await db
        .update(outbox)
        .set({ sentAt: at, lastError: null, ...(redactedPayload ? { payload: redactedPayload } : {}) })
        .where(and(eq(outbox.id, id), isNull(outbox.sentAt)));
    },

    async recordFailure(id, failure) {
      const next =
        "retryAt" in failure
          ? { nextAttemptAt: failure.retryAt }
          : { failedAt: failure.failedAt, ...(failure.redactedPayload ? { payload: failure.redactedPayload } : {}) };
      await db
        .update(outbox)
        .set({ lastError: failure.error, ...next })
        .where(and(eq(outbox.id, id), isNull(outbox.sentAt)));
    },

    async readdress(id, recipient, accountId) {
      await db.update(outbox).set({ recipient, accountId }).where(eq(outbox.id, id));
    },

    async erase(id) {
      await db.delete(outbox).where(eq(outbox.id, id));
    },

    async listForAccount(accountId) {
      const rows = await db.select().from(outbox).where(eq(outbox.accountId, accountId)).orderBy(asc(outbox.createdAt));
      return rows.map(toRecord);
    },

    async eraseAddressedTo(addresses) {
      if (addresses.length === 0) return 0;
      const erased = await db
        .delete(outbox)
        .where(and(inArray(outbox.channel, ["email", "sms"]), isNull(outbox.accountId), inArray(outbox.recipient, [...addresses])))
        .returning({ id: outbox.id });
      return erased.length;
    },

    async discard(id) {
      await db.delete(outbox).where(and(eq(outbox.id, id), isNull(outbox.sentAt)));
    },

    async listRecent(limit) {
      const rows = await db
        .select()
        .from(outbox)
        .where(inArray(outbox.channel, ["email", "sms"]))
        .orderBy(desc(outbox.createdAt))
        .limit(limit);
      return rows.map((row) => ({ ...toRecord(row), channel: row.channel as MessageChannel }));
    },
  };
}
