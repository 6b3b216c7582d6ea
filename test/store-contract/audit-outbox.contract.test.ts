// Contract of AuditStore and OutboxStore: the security log and the queue of outgoing messages.
import { beforeEach, describe, expect, it } from "vitest";
import { outbox } from "../../src/store/schema";
import { describeOnEachDatabase } from "./each-database";
import { anAccount, anAuditEvent, anOutboxMessage, minutes } from "./fixtures";

describeOnEachDatabase("audit and outbox stores", (t) => {
  describe("audit", () => {
    it("lists an account's events newest first, up to the limit, with their details", async () => {
      const account = anAccount();
      const other = anAccount();
      await t.stores.accounts.create(account);
      await t.stores.accounts.create(other);
      const events = [1, 3, 2].map((m) =>
        anAuditEvent(account.id, { at: minutes(m), type: `event_${m}`, details: { step: m, nested: { ok: true } } }),
      );
      for (const event of events) await t.stores.audit.record(event);
      await t.stores.audit.record(anAuditEvent(other.id, { at: minutes(4) }));
      await t.stores.audit.record(anAuditEvent(null, { type: "sign_in_failed", at: minutes(5) }));

      const listed = await t.stores.audit.listByAccount(account.id, 2);
      expect(listed).toEqual([
        { ...events[1], id: expect.any(String) },
        { ...events[2], id: expect.any(String) },
      ]);
      expect(new Set((await t.stores.audit.listByAccount(account.id, 10)).map((e) => e.id)).size).toBe(3);
    });

    it("keeps the session, ip and user agent of an event", async () => {
      const account = anAccount();
      await t.stores.accounts.create(account);
      const event = anAuditEvent(account.id, { sessionId: "session-1", ip: null, userAgent: null, type: "signed_out" });
      await t.stores.audit.record(event);
      expect(await t.stores.audit.listByAccount(account.id, 1)).toEqual([{ ...event, id: expect.any(String) }]);
    });
  });

  describe("outbox", () => {
    // The queue is global, so each case starts from an empty one.
    beforeEach(async () => {
      await t.db.delete(outbox);
    });

    it("lists pending messages oldest first, up to the limit", async () => {
      const messages = [3, 1, 2].map((m) => anOutboxMessage({ createdAt: minutes(m), recipient: `r${m}@example.test` }));
      for (const message of messages) await t.stores.outbox.enqueue(message);

      const pending = await t.stores.outbox.listPending(2);
      const fresh = { id: expect.any(String), attempts: 0, sentAt: null, lastError: null };
      expect(pending).toEqual([
        { ...messages[1], ...fresh },
        { ...messages[2], ...fresh },
      ]);
    });

    it("no longer lists a message as pending once it is marked sent", async () => {
      await t.stores.outbox.enqueue(anOutboxMessage({ createdAt: minutes(1), channel: "sms", recipient: "+14155550100" }));
      await t.stores.outbox.enqueue(anOutboxMessage({ createdAt: minutes(2) }));
      const [first] = await t.stores.outbox.listPending(1);

      await t.stores.outbox.markSent(first!.id, minutes(5));
      const pending = await t.stores.outbox.listPending(10);
      expect(pending.map((m) => m.createdAt)).toEqual([minutes(2)]);
    });

    it("lists recent messages newest first, sent or not", async () => {
      for (const m of [1, 3, 2]) await t.stores.outbox.enqueue(anOutboxMessage({ createdAt: minutes(m) }));
      const [oldest] = await t.stores.outbox.listPending(1);
      await t.stores.outbox.markSent(oldest!.id, minutes(4));

      const recent = await t.stores.outbox.listRecent(10);
      expect(recent.map((m) => m.createdAt)).toEqual([minutes(3), minutes(2), minutes(1)]);
      expect(recent[2]).toMatchObject({ id: oldest!.id, sentAt: minutes(4) });
      expect(await t.stores.outbox.listRecent(1)).toHaveLength(1);
    });

    // PostgreSQL only: PGlite has one connection, so there is no second dispatcher to skip.
    if (t.kind === "postgres") it("lets a second dispatcher skip the messages another one holds", async () => {
      for (const m of [1, 2, 3]) await t.stores.outbox.enqueue(anOutboxMessage({ createdAt: minutes(m) }));

      await t.stores.transaction(async (held) => {
        const [first] = await held.outbox.listPending(1);
        const others = await t.stores.outbox.listPending(10);
        expect(others.map((m) => m.createdAt)).toEqual([minutes(2), minutes(3)]);
        expect(others.map((m) => m.id)).not.toContain(first!.id);
      });
    });
  });
});
