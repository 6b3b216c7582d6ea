// Contract of what support and account deletion need stored: finding accounts by phone, locks
// (and the shared row lock that keeps a sign-in from slipping past one), deleting an account
// with everything that names it, and the messages an account was sent or was asked for by address.
import { randomBytes, randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { rowsOf } from "../support/databases";
import { describeOnEachDatabase } from "./each-database";
import { anAccount, anAuditEvent, anOutboxMessage, aPhoneNumber, aProfile, aSession, minutes, T0 } from "./fixtures";

describeOnEachDatabase("administration stores", (t) => {
  it("finds every account holding a number, verified or not, oldest first", async () => {
    const phone = aPhoneNumber();
    const first = anAccount({ phoneE164: phone, createdAt: minutes(1) });
    const second = anAccount({ phoneE164: phone, phoneVerifiedAt: T0, createdAt: minutes(2) });
    for (const account of [second, first, anAccount()]) await t.stores.accounts.create(account);
    expect((await t.stores.accounts.findByPhone(phone)).map((account) => account.id)).toEqual([first.id, second.id]);
    expect(await t.stores.accounts.findByPhone(aPhoneNumber())).toEqual([]);
  });

  it("locks and unlocks, keeping the reason; a locked account gets no session", async () => {
    const account = anAccount();
    await t.stores.accounts.create(account);
    expect(await t.stores.transaction((stores) => stores.sessions.create(aSession(account.id)))).toBe("created");
    expect(await t.stores.accounts.setLock(account.id, { at: minutes(5), reason: "chargeback" })).toBe(true);
    expect(await t.stores.accounts.findById(account.id)).toMatchObject({ lockedAt: minutes(5), lockedReason: "chargeback" });
    const refused = aSession(account.id);
    // The refusal leaves the transaction to roll back: the caller throws.
    await expect(
      t.stores.transaction(async (stores) => {
        expect(await stores.sessions.create(refused)).toBe("account_locked");
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await t.stores.sessions.findById(refused.id)).toBeNull();
    expect(await t.stores.accounts.setLock(account.id, null)).toBe(true);
    expect(await t.stores.accounts.findById(account.id)).toMatchObject({ lockedAt: null, lockedReason: null });
    expect(await t.stores.sessions.create(aSession(account.id))).toBe("created");
    expect(await t.stores.accounts.setLock(randomUUID(), null)).toBe(false);
  });

  // PostgreSQL only: PGlite has one connection, so nothing runs concurrently.
  if (t.kind === "postgres")
    it("holds a lock back until a sign-in in progress commits, and a sign-in back until a lock commits", async () => {
      /** Resolves once a statement of this database is waiting for a row lock. */
      const someoneWaits = () =>
        expect
          .poll(async () => {
            const [row] = await rowsOf<{ n: number }>(
              t.db,
              sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
            );
            return Number(row!.n);
          })
          .toBe(1);
      const order: string[] = [];
      const account = anAccount();
      await t.stores.accounts.create(account);
      let locking: Promise<unknown> | undefined;
      await t.stores.transaction(async (signIn) => {
        expect(await signIn.sessions.create(aSession(account.id))).toBe("created");
        locking = t.stores.accounts.setLock(account.id, { at: minutes(1), reason: "race" }).then(() => order.push("locked"));
        await someoneWaits();
        order.push("signed in");
      });
      await locking;
      // The sign-in committed first; the lock, after it, sees (and so revokes) its session.
      expect(order).toEqual(["signed in", "locked"]);

      const second = anAccount();
      await t.stores.accounts.create(second);
      let issued: Promise<string> | undefined;
      await t.stores.transaction(async (lock) => {
        await lock.accounts.setLock(second.id, { at: minutes(1), reason: "race" });
        issued = t.stores.sessions.create(aSession(second.id));
        await someoneWaits();
      });
      // The sign-in waited for the lock to commit, then found it.
      expect(await issued).toBe("account_locked");
    });

  it("deletes an account with everything that names it, and nothing of another", async () => {
    const gone = anAccount();
    const kept = anAccount();
    for (const account of [gone, kept]) {
      await t.stores.accounts.create(account);
      await t.stores.profiles.create(aProfile(account.id));
      await t.stores.sessions.create(aSession(account.id));
      await t.stores.audit.record(anAuditEvent(account.id));
      await t.stores.outbox.enqueue(anOutboxMessage({ accountId: account.id, recipient: account.email }));
    }
    expect(await t.stores.accounts.delete(gone.id)).toBe(true);
    expect(await t.stores.accounts.delete(gone.id)).toBe(false);
    const count = async (table: string, accountId: string) =>
      Number(
        (await rowsOf<{ n: number }>(t.db, sql.raw(`select count(*)::int as n from ${table} where account_id = '${accountId}'`)))[0]!.n,
      );
    for (const table of ["profile", "session", "audit_event", "outbox"]) {
      expect(await count(table, gone.id)).toBe(0);
      expect(await count(table, kept.id)).toBe(1);
    }
  });

  it("lists an account's own messages, and erases by address only what names no account", async () => {
    const account = anAccount();
    await t.stores.accounts.create(account);
    const address = `asked-${randomBytes(4).toString("hex")}@example.test`;
    await t.stores.outbox.enqueue(anOutboxMessage({ accountId: account.id, recipient: address, createdAt: minutes(2) }));
    await t.stores.outbox.enqueue(
      anOutboxMessage({ accountId: account.id, recipient: "+14155550100", channel: "sms", createdAt: minutes(1) }),
    );
    await t.stores.outbox.enqueue(anOutboxMessage({ recipient: address }));
    await t.stores.outbox.enqueue(anOutboxMessage({ recipient: address, channel: "webhook" }));
    await t.stores.outbox.enqueue(anOutboxMessage({ recipient: "someone-else@example.test" }));

    expect((await t.stores.outbox.listForAccount(account.id)).map((m) => m.createdAt)).toEqual([minutes(1), minutes(2)]);
    expect(await t.stores.outbox.eraseAddressedTo([address])).toBe(1);
    expect(await t.stores.outbox.eraseAddressedTo([])).toBe(0);
    const left = await rowsOf<{ recipient: string; channel: string }>(
      t.db,
      sql`select recipient, channel from outbox where recipient in (${address}, 'someone-else@example.test')`,
    );
    expect(left.map((row) => `${row.channel} ${row.recipient}`).sort()).toEqual([
      `email ${address}`,
      "email someone-else@example.test",
      `webhook ${address}`,
    ]);
    const [mine] = await t.stores.outbox.listForAccount(account.id);
    await t.stores.outbox.erase(mine!.id);
    expect(await t.stores.outbox.listForAccount(account.id)).toHaveLength(1);
  });

  it("erases the code flows asked for by an address, whoever's they turned out to be", async () => {
    const address = `flows-${randomBytes(4).toString("hex")}@example.test`;
    const flow = (overrides: { address: string }) => ({
      id: randomUUID(),
      purpose: "password_reset" as const,
      channel: "email" as const,
      accountId: null,
      codeHash: randomBytes(32).toString("hex"),
      status: "requested" as const,
      attempts: 0,
      requester: { ip: null, userAgent: null, network: "192.0.2.0/24", device: null },
      passwordProven: null,
      expiresAt: minutes(10),
      createdAt: T0,
      ...overrides,
    });
    for (const f of [flow({ address }), flow({ address }), flow({ address: "other@example.test" })]) await t.stores.codeFlows.create(f);
    expect(await t.stores.codeFlows.eraseAddressedTo([address])).toBe(2);
    expect(await t.stores.codeFlows.eraseAddressedTo([address])).toBe(0);
  });

  it("lists every session an account has on record, ended ones too, newest first", async () => {
    const account = anAccount();
    await t.stores.accounts.create(account);
    const older = aSession(account.id, { createdAt: minutes(1) });
    const newer = aSession(account.id, { createdAt: minutes(2) });
    for (const session of [older, newer]) await t.stores.sessions.create(session);
    await t.stores.sessions.revoke(older, minutes(3), "signed_out");
    expect((await t.stores.sessions.listForAccount(account.id)).map((s) => [s.id, s.revokedReason])).toEqual([
      [newer.id, null],
      [older.id, "signed_out"],
    ]);
  });
});
