// Contract of Stores.transaction: all or nothing, expected conflicts that do not poison it,
// savepoints for nested calls, and row locks that make two transactions take turns.
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import type { Stores } from "../../src/core/ports";
import { type ContractDatabase, describeOnEachDatabase, rowsOf } from "./each-database";
import { aCode, anAccount, anAuditEvent, anOutboxMessage, aPhoneNumber, aProfile, aSession, minutes } from "./fixtures";

class Boom extends Error {}

describeOnEachDatabase("stores.transaction", (t) => {
  it("commits every write made in it and answers the work's result", async () => {
    const account = anAccount();
    const device = aSession(account.id);
    const answer = await t.stores.transaction(async (stores) => {
      await stores.accounts.create(account);
      await stores.sessions.create(device);
      return "done";
    });
    expect(answer).toBe("done");
    expect(await t.stores.sessions.findById(device.id)).toEqual(device);
  });

  it("rolls back every write made in it when the work throws", async () => {
    const existing = anAccount();
    await t.stores.accounts.create(existing);
    const account = anAccount();
    const profile = aProfile(account.id);
    const device = aSession(account.id);

    const work = t.stores.transaction(async (stores) => {
      await stores.accounts.create(account);
      await stores.profiles.create(profile);
      await stores.sessions.create(device);
      await stores.codes.replace(aCode(account.id));
      await stores.audit.record(anAuditEvent(account.id));
      await stores.outbox.enqueue(anOutboxMessage({ recipient: account.email }));
      await stores.accounts.updatePassword(existing.id, "changed", minutes(1));
      throw new Boom("failed half-way");
    });
    await expect(work).rejects.toBeInstanceOf(Boom);

    expect(await t.stores.accounts.findById(account.id)).toBeNull();
    expect(await t.stores.sessions.findById(device.id)).toBeNull();
    expect(await t.stores.audit.listByAccount(account.id, 10)).toEqual([]);
    expect((await t.stores.outbox.listRecent(100)).filter((m) => m.recipient === account.email)).toEqual([]);
    expect(await t.stores.accounts.findById(existing.id)).toEqual(existing);
  });

  it("carries on and commits after a taken email, profile name or verified phone", async () => {
    const rival = anAccount();
    const phone = aPhoneNumber();
    await t.stores.accounts.create(rival);
    await t.stores.accounts.setPhone(rival.id, { e164: phone, smsOptIn: false });
    await t.stores.accounts.markPhoneVerified(rival.id, phone, minutes(1));
    await t.stores.profiles.create(aProfile(rival.id, { name: "Alex" }));
    const account = anAccount();
    const sam = aProfile(account.id, { name: "Sam", position: 1 });

    await t.stores.transaction(async (stores) => {
      await stores.accounts.create(account);
      expect(await stores.accounts.create(anAccount({ email: rival.email }))).toBe(false);
      await stores.profiles.create(aProfile(account.id, { name: "Alex" }));
      expect(await stores.profiles.create(aProfile(account.id, { name: "ALEX" }))).toBe(false);
      await stores.profiles.create(sam);
      expect(await stores.profiles.update(account.id, sam.id, { name: "alex" })).toBe("name_taken");
      await stores.accounts.setPhone(account.id, { e164: phone, smsOptIn: true });
      expect(await stores.accounts.markPhoneVerified(account.id, phone, minutes(2))).toBe(false);
      // Had any conflict aborted the transaction, this write would fail on PostgreSQL.
      await stores.audit.record(anAuditEvent(account.id, { type: "after_conflicts" }));
    });

    expect(await t.stores.accounts.findById(account.id)).toMatchObject({ phoneE164: phone, phoneVerifiedAt: null });
    expect((await t.stores.profiles.listByAccount(account.id)).map((p) => p.name)).toEqual(["Alex", "Sam"]);
    expect(await t.stores.audit.listByAccount(account.id, 1)).toMatchObject([{ type: "after_conflicts" }]);
  });

  it("rolls back only a failed nested transaction and keeps the outer writes", async () => {
    const account = anAccount();
    const kept = aSession(account.id);
    const dropped = aSession(account.id);

    await t.stores.transaction(async (stores) => {
      await stores.accounts.create(account);
      await stores.sessions.create(kept);
      const inner = stores.transaction(async (nested) => {
        await nested.sessions.create(dropped);
        throw new Boom("inner failure");
      });
      await expect(inner).rejects.toBeInstanceOf(Boom);
    });

    expect(await t.stores.sessions.findById(kept.id)).toEqual(kept);
    expect(await t.stores.sessions.findById(dropped.id)).toBeNull();
  });

  it("makes a second transaction wait for the account lock until the first ends", async () => {
    const account = anAccount();
    await t.stores.accounts.create(account);
    const steps: string[] = [];
    let firstHasLock!: () => void;
    const locked = new Promise<void>((resolve) => (firstHasLock = resolve));
    let letFirstFinish!: () => void;
    const finish = new Promise<void>((resolve) => (letFirstFinish = resolve));

    const first = t.stores.transaction(async (stores) => {
      await stores.accounts.lockForUpdate(account.id);
      steps.push("first locked");
      firstHasLock();
      await finish;
      steps.push("first done");
    });
    await locked;
    const second = t.stores.transaction(async (stores: Stores) => {
      await stores.accounts.lockForUpdate(account.id);
      steps.push("second locked");
    });

    await untilSecondTransactionWaits(t);
    expect(steps).toEqual(["first locked"]);
    letFirstFinish();
    await Promise.all([first, second]);
    expect(steps).toEqual(["first locked", "first done", "second locked"]);
  });
});

/**
 * On PostgreSQL, polls until a backend of this database waits on a lock. PGlite has one
 * connection and runs transactions one after another, so there is nothing to observe but
 * the order; a few turns of the event loop give the second transaction its chance to jump it.
 */
async function untilSecondTransactionWaits(t: ContractDatabase): Promise<void> {
  if (t.kind === "pglite") {
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
    return;
  }
  for (let attempt = 0; attempt < 200; attempt++) {
    const [row] = await rowsOf<{ waiting: number }>(
      t.db,
      sql`select count(*)::int as waiting from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock'`,
    );
    if (row?.waiting === 1) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error("the second transaction never waited for the lock");
}
