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

    it("pages an account's events newest first by time then id, never skipping or repeating one", async () => {
      const account = anAccount();
      await t.stores.accounts.create(account);
      // Five events, three of them at the same moment.
      for (const m of [1, 2, 2, 2, 3]) await t.stores.audit.record(anAuditEvent(account.id, { at: minutes(m) }));
      const all = await t.stores.audit.listPage(account.id, 10);
      expect(all.map((e) => e.at)).toEqual([minutes(3), minutes(2), minutes(2), minutes(2), minutes(1)]);

      const seen: string[] = [];
      let before: { at: Date; id: string } | undefined;
      for (;;) {
        const page = await t.stores.audit.listPage(account.id, 2, before);
        seen.push(...page.map((e) => e.id));
        if (page.length < 2) break;
        before = { at: page[1]!.at, id: page[1]!.id };
      }
      expect(seen).toEqual(all.map((e) => e.id));
    });

    it("keeps the session, ip, user agent and request id of an event", async () => {
      const account = anAccount();
      await t.stores.accounts.create(account);
      const event = anAuditEvent(account.id, { sessionId: "session-1", ip: null, userAgent: null, type: "signed_out" });
      await t.stores.audit.record(event);
      expect(await t.stores.audit.listByAccount(account.id, 1)).toEqual([{ ...event, id: expect.any(String) }]);
    });

    it("keeps an event written outside any request without a request id", async () => {
      const account = anAccount();
      await t.stores.accounts.create(account);
      const event = anAuditEvent(account.id, { requestId: null });
      await t.stores.audit.record(event);
      expect(await t.stores.audit.listByAccount(account.id, 1)).toEqual([{ ...event, id: expect.any(String) }]);
    });
  });

  describe("outbox", () => {
    // The queue is global, so each case starts from an empty one.
    beforeEach(async () => {
      await t.db.delete(outbox);
    });

    const lease = (m: number) => minutes(m + 5);

    it("claims due messages oldest first, up to the limit, counting a try and leasing them", async () => {
      const messages = [3, 1, 2].map((m) => anOutboxMessage({ createdAt: minutes(m), recipient: `r${m}@example.test` }));
      for (const message of messages) await t.stores.outbox.enqueue(message);

      const claimed = await t.stores.outbox.claimDue(minutes(3), lease(3), 2);
      const leased = {
        id: expect.any(String),
        attempts: 1,
        sentAt: null,
        lastError: null,
        failedAt: null,
        nextAttemptAt: lease(3),
        accountReader: null,
      };
      expect(claimed).toEqual([
        { ...messages[1], ...leased },
        { ...messages[2], ...leased },
      ]);
      // Leased: not claimed again before the lease ends, then due again (a node died mid-send).
      expect((await t.stores.outbox.claimDue(minutes(4), lease(4), 10)).map((m) => m.createdAt)).toEqual([minutes(3)]);
      const again = await t.stores.outbox.claimDue(lease(3), lease(9), 10);
      expect(again.map((m) => [m.createdAt, m.attempts])).toEqual([
        [minutes(1), 2],
        [minutes(2), 2],
      ]);
    });

    it("claims a message with its account's language and time zone, as they are when it is claimed", async () => {
      const account = anAccount({ language: "es", timeZone: "Europe/Madrid" });
      await t.stores.accounts.create(account);
      await t.stores.outbox.enqueue(anOutboxMessage({ accountId: account.id, recipient: account.email, createdAt: minutes(1) }));
      await t.stores.accounts.setLanguageAndTimeZone(account.id, { language: "ar", timeZone: "Africa/Cairo" });
      const [claimed] = await t.stores.outbox.claimDue(minutes(1), lease(1), 10);
      expect(claimed).toMatchObject({ accountId: account.id, accountReader: { language: "ar", timeZone: "Africa/Cairo" } });
    });

    it("does not claim a message before it is due", async () => {
      await t.stores.outbox.enqueue(anOutboxMessage({ createdAt: minutes(10) }));
      expect(await t.stores.outbox.claimDue(minutes(9), lease(9), 10)).toEqual([]);
      expect(await t.stores.outbox.claimDue(minutes(10), lease(10), 10)).toHaveLength(1);
    });

    it("never claims a message again once it is marked sent", async () => {
      await t.stores.outbox.enqueue(anOutboxMessage({ createdAt: minutes(1), channel: "sms", recipient: "+14155550100" }));
      await t.stores.outbox.enqueue(anOutboxMessage({ createdAt: minutes(2) }));
      const [first] = await t.stores.outbox.claimDue(minutes(2), lease(2), 1);

      await t.stores.outbox.markSent(first!.id, minutes(3));
      const later = await t.stores.outbox.claimDue(minutes(60), minutes(65), 10);
      expect(later.map((m) => m.createdAt)).toEqual([minutes(2)]);
      expect((await t.stores.outbox.listRecent(10)).find((m) => m.id === first!.id)).toMatchObject({ sentAt: minutes(3) });
    });

    it("keeps a failure's error and retries at the given time, or never after giving up", async () => {
      await t.stores.outbox.enqueue(anOutboxMessage({ createdAt: minutes(1) }));
      await t.stores.outbox.enqueue(anOutboxMessage({ createdAt: minutes(2) }));
      const [retried, given] = await t.stores.outbox.claimDue(minutes(2), lease(2), 10);

      await t.stores.outbox.recordFailure(retried!.id, { error: "421 try later", retryAt: minutes(30) });
      await t.stores.outbox.recordFailure(given!.id, { error: "550 no such user", failedAt: minutes(3) });
      expect(await t.stores.outbox.claimDue(minutes(29), minutes(40), 10)).toEqual([]);
      const [again] = await t.stores.outbox.claimDue(minutes(30), minutes(40), 10);
      expect(again).toMatchObject({ id: retried!.id, attempts: 2, lastError: "421 try later" });
      await t.stores.outbox.markSent(again!.id, minutes(31));
      expect(await t.stores.outbox.claimDue(minutes(999), minutes(1000), 10)).toEqual([]);
      expect((await t.stores.outbox.listRecent(10)).find((m) => m.id === given!.id)).toMatchObject({
        failedAt: minutes(3),
        lastError: "550 no such user",
        sentAt: null,
      });
    });

    it("replaces the payload when told to, on sending or on giving up", async () => {
      await t.stores.outbox.enqueue(anOutboxMessage({ createdAt: minutes(1), payload: { code: "123456" } }));
      await t.stores.outbox.enqueue(anOutboxMessage({ createdAt: minutes(2), payload: { code: "654321" } }));
      await t.stores.outbox.enqueue(anOutboxMessage({ createdAt: minutes(3), payload: { code: "111111" } }));
      const [sent, given, retried] = await t.stores.outbox.claimDue(minutes(3), lease(3), 10);
      await t.stores.outbox.markSent(sent!.id, minutes(4), { code: "[redacted]" });
      await t.stores.outbox.recordFailure(given!.id, { error: "550", failedAt: minutes(4), redactedPayload: { code: "[redacted]" } });
      await t.stores.outbox.recordFailure(retried!.id, { error: "421", retryAt: minutes(9) });
      const payloads = (await t.stores.outbox.listRecent(10)).map((m) => m.payload);
      expect(payloads).toEqual([{ code: "111111" }, { code: "[redacted]" }, { code: "[redacted]" }]);
    });

    it("readdresses a claimed message, and discards one that must not go out (never one already sent)", async () => {
      const account = anAccount();
      await t.stores.accounts.create(account);
      for (const m of [1, 2, 3])
        await t.stores.outbox.enqueue(anOutboxMessage({ createdAt: minutes(m), recipient: `asked-${m}@example.test` }));
      const [first, second, third] = await t.stores.outbox.claimDue(minutes(3), lease(3), 10);
      await t.stores.outbox.readdress(first!.id, "+14155550100", account.id);
      await t.stores.outbox.discard(second!.id);
      await t.stores.outbox.markSent(third!.id, minutes(4));
      await t.stores.outbox.discard(third!.id);
      const recent = await t.stores.outbox.listRecent(10);
      expect(recent.map((m) => [m.id, m.recipient])).toEqual([
        [third!.id, "asked-3@example.test"],
        [first!.id, "+14155550100"],
      ]);
    });

    it("lists recent messages newest first, sent or not", async () => {
      for (const m of [1, 3, 2]) await t.stores.outbox.enqueue(anOutboxMessage({ createdAt: minutes(m) }));
      const [oldest] = await t.stores.outbox.claimDue(minutes(3), lease(3), 1);
      await t.stores.outbox.markSent(oldest!.id, minutes(4));

      const recent = await t.stores.outbox.listRecent(10);
      expect(recent.map((m) => m.createdAt)).toEqual([minutes(3), minutes(2), minutes(1)]);
      expect(recent[2]).toMatchObject({ id: oldest!.id, sentAt: minutes(4) });
      expect(await t.stores.outbox.listRecent(1)).toHaveLength(1);
    });

    // PostgreSQL only: PGlite has one connection, so there is no second dispatcher to skip.
    if (t.kind === "postgres")
      it("lets a second dispatcher skip the messages another one is claiming", async () => {
        for (const m of [1, 2, 3]) await t.stores.outbox.enqueue(anOutboxMessage({ createdAt: minutes(m) }));

        await t.stores.transaction(async (held) => {
          // Claimed but not committed: the rows stay locked, the lease not yet visible.
          const [first] = await held.outbox.claimDue(minutes(3), lease(3), 1);
          const others = await t.stores.outbox.claimDue(minutes(3), lease(3), 10);
          expect(others.map((m) => m.createdAt)).toEqual([minutes(2), minutes(3)]);
          expect(others.map((m) => m.id)).not.toContain(first!.id);
        });
      });
  });
});
