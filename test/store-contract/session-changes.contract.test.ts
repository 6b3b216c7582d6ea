// Contract of the session change log (migration 0006) and SessionChangeStore.
//
// The database itself logs every change a platform verifier could have cached an answer for:
// a session revoked, deleted, moved to another token, profile or device, re-authenticated or cut
// short; a profile renamed, made Kids or deleted; an account's plan changed or the account
// deleted. Each transaction logs ONE change per account, however many rows and statements it
// touched: a row in session_change and a NOTIFY usher_session_changes '<seq> <account>', and
// `loggedInThisTransaction()` lists what the transaction has logged so far. Activity (last seen,
// address, a later expiry) and everything that is not a claim log nothing. A transaction or
// savepoint that rolls back logs and notifies nothing, and the list is transaction-local.
import type { PGlite } from "@electric-sql/pglite";
import { inArray, type SQL, sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import pg from "pg";
import { expect, it, vi } from "vitest";
import type { Stores } from "../../src/core/ports";
import type { ProfileRecord } from "../../src/core/profiles/ports";
import type { SessionChange } from "../../src/core/session-changes/ports";
import type { SessionRecord } from "../../src/core/sessions/ports";
import type { Database } from "../../src/store/database";
import * as schema from "../../src/store/schema";
import { createStores } from "../../src/store/stores";
import { type ContractDatabase, describeOnEachDatabase } from "./each-database";
import { anAccount, anAuditEvent, anOutboxMessage, aProfile, aSession, minutes } from "./fixtures";

const CHANNEL = "usher_session_changes";

class Boom extends Error {}

/** What a transaction's work gets: its stores, and its connection for raw SQL. */
interface Tx {
  db: Database;
  stores: Stores;
}

/** An account with a profile and `devices` live sessions, none of them watching as the profile. */
interface SignedIn {
  accountId: string;
  profile: ProfileRecord;
  sessions: SessionRecord[];
}

describeOnEachDatabase("session change log", (t) => {
  async function anAccountSignedIn(devices = 1): Promise<SignedIn> {
    const account = anAccount();
    const profile = aProfile(account.id);
    const sessions = Array.from({ length: devices }, () => aSession(account.id));
    await t.stores.accounts.create(account);
    await t.stores.profiles.create(profile);
    for (const s of sessions) await t.stores.sessions.create(s);
    return { accountId: account.id, profile, sessions };
  }

  /** Runs `work` in one transaction that commits; answers what it said it logged, read just before the commit. */
  function committing(work: (tx: Tx) => Promise<unknown>): Promise<SessionChange[]> {
    return t.db.transaction(async (db) => {
      const stores = createStores(db);
      await work({ db, stores });
      return stores.sessionChanges.loggedInThisTransaction();
    });
  }

  /** Runs `work` in one transaction that then throws, so that it rolls back. */
  async function rollingBack(work: (tx: Tx) => Promise<unknown>): Promise<void> {
    const failing = t.db.transaction(async (db) => {
      await work({ db, stores: createStores(db) });
      throw new Boom("rolled back");
    });
    await expect(failing).rejects.toBeInstanceOf(Boom);
  }

  /** The committed change log of these accounts, in sequence order. */
  async function changesOf(...accountIds: string[]): Promise<SessionChange[]> {
    const rows = await t.db
      .select({ accountId: schema.sessionChange.accountId, seq: schema.sessionChange.seq })
      .from(schema.sessionChange)
      .where(inArray(schema.sessionChange.accountId, accountIds))
      .orderBy(schema.sessionChange.seq);
    return rows.map((row) => ({ accountId: row.accountId, seq: Number(row.seq) }));
  }

  /** Exactly one change of the account was committed, and it is the one the transaction listed. */
  async function expectOneChange(accountId: string, logged: SessionChange[]): Promise<void> {
    const committed = await changesOf(accountId);
    expect(committed).toEqual([{ accountId, seq: expect.any(Number) }]);
    expect(logged).toEqual(committed);
  }

  async function expectNothingLogged(accountId: string, logged: SessionChange[]): Promise<void> {
    expect(logged).toEqual([]);
    expect(await changesOf(accountId)).toEqual([]);
  }

  // ---- each kind of change logs one change of its account ----

  it("logs a session revoked", async () => {
    const { accountId, sessions } = await anAccountSignedIn();
    const logged = await committing(async ({ stores }) => {
      expect(await stores.sessions.revoke(sessions[0]!, minutes(1), "signed_out")).toBe(true);
    });
    await expectOneChange(accountId, logged);
  });

  it("logs every session of the account revoked in one call as one change", async () => {
    const { accountId } = await anAccountSignedIn(3);
    const logged = await committing(async ({ stores }) => {
      expect(await stores.sessions.revokeAllForAccount(accountId, minutes(1), "signed_out_all_devices")).toHaveLength(3);
    });
    await expectOneChange(accountId, logged);
  });

  it("logs the profile chosen on a device", async () => {
    const { accountId, profile, sessions } = await anAccountSignedIn();
    const logged = await committing(({ stores }) => stores.sessions.setProfile(sessions[0]!, profile.id));
    await expectOneChange(accountId, logged);
  });

  it("logs a profile renamed", async () => {
    const { accountId, profile } = await anAccountSignedIn();
    const logged = await committing(async ({ stores }) => {
      expect(await stores.profiles.update(accountId, profile.id, { name: "Sam" })).toMatchObject({ name: "Sam" });
    });
    await expectOneChange(accountId, logged);
  });

  it("logs a profile made a Kids profile", async () => {
    const { accountId, profile } = await anAccountSignedIn();
    const logged = await committing(async ({ stores }) => {
      expect(await stores.profiles.update(accountId, profile.id, { isKids: true, maxRating: "7+" })).toMatchObject({ isKids: true });
    });
    await expectOneChange(accountId, logged);
  });

  it("logs a profile's parental controls changed: its rating, and its blocked titles", async () => {
    for (const patch of [{ maxRating: "13+" as const }, { restrictedTitles: ["cold-ledger"] }]) {
      const { accountId, profile } = await anAccountSignedIn();
      const logged = await committing(async ({ stores }) => {
        expect(await stores.profiles.update(accountId, profile.id, patch)).toMatchObject(patch);
      });
      await expectOneChange(accountId, logged);
    }
  });

  it("logs a profile deleted, with the sessions watching as it, as one change", async () => {
    const { accountId, profile, sessions } = await anAccountSignedIn(2);
    for (const s of sessions) await t.stores.sessions.setProfile(s, profile.id);
    const before = await changesOf(accountId);

    const logged = await committing(async ({ stores }) => {
      expect(await stores.profiles.delete(accountId, profile.id)).toBe(true);
    });
    const committed = await changesOf(accountId);
    expect(committed.slice(0, before.length)).toEqual(before);
    expect(committed.slice(before.length)).toEqual(logged);
    expect(logged).toEqual([{ accountId, seq: expect.any(Number) }]);
    expect(await t.stores.sessions.findById(sessions[0]!.id)).toMatchObject({ profileId: null });
  });

  it("logs the account's plan changed", async () => {
    const { accountId } = await anAccountSignedIn();
    const logged = await committing(({ db }) => db.execute(sql`update account set plan = 'premium' where id = ${accountId}`));
    await expectOneChange(accountId, logged);
  });

  it("logs a session row deleted", async () => {
    const { accountId, sessions } = await anAccountSignedIn();
    const logged = await committing(({ db }) => db.execute(sql`delete from session where id = ${sessions[0]!.id}`));
    await expectOneChange(accountId, logged);
  });

  it("logs the account deleted, with its sessions and profiles, as one change", async () => {
    const { accountId, profile, sessions } = await anAccountSignedIn(3);
    await t.db.execute(sql`update session set profile_id = ${profile.id} where id = ${sessions[0]!.id}`);
    const before = await changesOf(accountId);

    const logged = await committing(({ db }) => db.execute(sql`delete from account where id = ${accountId}`));
    expect(logged).toEqual([{ accountId, seq: expect.any(Number) }]);
    expect(await changesOf(accountId)).toEqual([...before, ...logged]);
    expect(await t.stores.sessions.findById(sessions[1]!.id)).toBeNull();
  });

  // Raw statements stand for any write, present or future, to a field a session's claims carry.
  const claimChanges: Array<[string, (sessionId: string) => SQL]> = [
    ["a new token_hash", (id) => sql`update session set token_hash = md5(token_hash) where id = ${id}`],
    ["an earlier expires_at", (id) => sql`update session set expires_at = expires_at - interval '1 minute' where id = ${id}`],
    ["another device_kind", (id) => sql`update session set device_kind = 'tv' where id = ${id}`],
    ["another device_name", (id) => sql`update session set device_name = 'Living room TV' where id = ${id}`],
    ["a second factor (aal)", (id) => sql`update session set aal = 2 where id = ${id}`],
    ["a new authenticated_at", (id) => sql`update session set authenticated_at = authenticated_at + interval '1 minute' where id = ${id}`],
    ["revoked_at set by raw SQL", (id) => sql`update session set revoked_at = now(), revoked_reason = 'signed_out' where id = ${id}`],
  ];
  it.each(claimChanges)("logs a session given %s", async (_, statement) => {
    const { accountId, sessions } = await anAccountSignedIn();
    const logged = await committing(({ db }) => db.execute(statement(sessions[0]!.id)));
    await expectOneChange(accountId, logged);
  });

  it("logs both accounts when a session is moved from one to the other", async () => {
    const from = await anAccountSignedIn();
    const to = await anAccountSignedIn();
    const logged = await committing(({ db }) =>
      db.execute(sql`update session set account_id = ${to.accountId} where id = ${from.sessions[0]!.id}`),
    );
    expect(logged.map((change) => change.accountId).sort()).toEqual([from.accountId, to.accountId].sort());
    expect(await changesOf(from.accountId, to.accountId)).toEqual(expect.arrayContaining(logged));
  });

  it("believes no list it did not write itself: a value set on the connection beforehand silences nothing", async () => {
    const { accountId } = await anAccountSignedIn();
    const logged = await committing(async ({ db }) => {
      // What a SET on the connection would leave behind: another transaction's list naming this account.
      await db.execute(sql`select set_config('usher.session_changes', ${`1 ${accountId}=1`}, true)`);
      await db.execute(sql`update account set plan = 'premium' where id = ${accountId}`);
    });
    expect(logged).toEqual([{ accountId, seq: expect.any(Number) }]);
    expect(await changesOf(accountId)).toEqual(expect.arrayContaining(logged));
  });

  // ---- what is not a claim logs nothing ----

  it("logs nothing for activity: last seen, address and a later expiry", async () => {
    const { accountId, sessions } = await anAccountSignedIn();
    const device = sessions[0]!;
    const seen = { at: minutes(10), ip: "198.51.100.7", expiresAt: minutes(60 * 24 * 60) };
    const logged = await committing(({ stores }) => stores.sessions.touch(device.id, seen, minutes(5)));

    // The touch did write: nothing logged is not for want of a change.
    expect(await t.stores.sessions.findById(device.id)).toEqual({ ...device, lastSeenAt: seen.at, ip: seen.ip, expiresAt: seen.expiresAt });
    await expectNothingLogged(accountId, logged);
  });

  it("logs nothing for an account, profile or session created", async () => {
    const account = anAccount();
    const logged = await committing(async ({ stores }) => {
      await stores.accounts.create(account);
      await stores.profiles.create(aProfile(account.id));
      await stores.sessions.create(aSession(account.id));
    });
    await expectNothingLogged(account.id, logged);
  });

  it("logs nothing for a profile PIN, a profile avatar or a password changed", async () => {
    const { accountId, profile } = await anAccountSignedIn();
    const logged = await committing(async ({ stores }) => {
      expect(await stores.profiles.setPin(accountId, profile.id, "pin-hash")).toBe(true);
      expect(await stores.profiles.update(accountId, profile.id, { avatar: "comet" })).toMatchObject({ avatar: "comet" });
      await stores.accounts.updatePassword(accountId, "new-password-hash", minutes(1));
    });
    await expectNothingLogged(accountId, logged);
  });

  it("logs nothing for writes that leave every claim as it was", async () => {
    const { accountId, profile, sessions } = await anAccountSignedIn();
    await t.stores.sessions.revoke(sessions[0]!, minutes(1), "signed_out");
    const before = await changesOf(accountId);

    const logged = await committing(async ({ db, stores }) => {
      expect(await stores.sessions.revoke(sessions[0]!, minutes(2), "password_changed")).toBe(false);
      await stores.profiles.update(accountId, profile.id, { name: profile.name, isKids: profile.isKids });
      await db.execute(sql`update account set plan = plan where id = ${accountId}`);
    });
    expect(logged).toEqual([]);
    expect(await changesOf(accountId)).toEqual(before);
  });

  // ---- one change per account and transaction ----

  it("logs two accounts changed in one transaction as two changes", async () => {
    const first = await anAccountSignedIn();
    const second = await anAccountSignedIn();
    const logged = await committing(async ({ stores }) => {
      await stores.sessions.revoke(first.sessions[0]!, minutes(1), "signed_out");
      await stores.sessions.revoke(second.sessions[0]!, minutes(1), "signed_out");
    });
    expect(logged.map((c) => c.accountId)).toEqual([first.accountId, second.accountId]);
    expect(await changesOf(first.accountId, second.accountId)).toEqual(logged);
  });

  it("logs one account changed by several statements as one change", async () => {
    const { accountId, profile, sessions } = await anAccountSignedIn(2);
    const logged = await committing(async ({ db, stores }) => {
      await stores.sessions.setProfile(sessions[0]!, profile.id);
      await stores.profiles.update(accountId, profile.id, { name: "Sam" });
      await db.execute(sql`update account set plan = 'basic' where id = ${accountId}`);
      await stores.sessions.revoke(sessions[1]!, minutes(1), "signed_out");
      // Read in the middle, the list already holds the change, and only once.
      expect(await stores.sessionChanges.loggedInThisTransaction()).toEqual([{ accountId, seq: expect.any(Number) }]);
    });
    await expectOneChange(accountId, logged);
  });

  it("writes the rows appended with the read, in the same transaction, and still answers what was logged", async () => {
    const { accountId, sessions } = await anAccountSignedIn();
    const notice = anOutboxMessage({ accountId, template: "signed_out_everywhere", createdAt: minutes(1) });
    const audit = anAuditEvent(accountId, { type: "signed_out_everywhere", at: minutes(1) });
    const logged = await committing(async ({ stores }) => {
      await stores.sessions.revoke(sessions[0]!, minutes(1), "signed_out");
      expect(await stores.sessionChanges.loggedInThisTransaction({ audit: [audit, audit], outbox: [notice] })).toEqual([
        { accountId, seq: expect.any(Number) },
      ]);
    });
    await expectOneChange(accountId, logged);
    expect((await t.stores.audit.listByAccount(accountId, 10)).map((event) => event.type)).toEqual([
      "signed_out_everywhere",
      "signed_out_everywhere",
    ]);
    expect(await t.stores.outbox.listForAccount(accountId)).toEqual([expect.objectContaining({ ...notice, nextAttemptAt: minutes(1) })]);

    // Appended by a transaction that rolls back: nothing.
    const other = await anAccountSignedIn();
    await rollingBack(({ stores }) =>
      stores.sessionChanges.loggedInThisTransaction({
        audit: [anAuditEvent(other.accountId)],
        outbox: [anOutboxMessage({ accountId: other.accountId })],
      }),
    );
    expect(await t.stores.audit.listByAccount(other.accountId, 10)).toEqual([]);
    expect(await t.stores.outbox.listForAccount(other.accountId)).toEqual([]);
  });

  // ---- a rolled-back change is no change ----

  it("logs nothing for a transaction that rolls back", async () => {
    const { accountId, sessions } = await anAccountSignedIn();
    await rollingBack(async ({ db, stores }) => {
      await stores.sessions.revoke(sessions[0]!, minutes(1), "signed_out");
      await db.execute(sql`update account set plan = 'premium' where id = ${accountId}`);
      expect(await stores.sessionChanges.loggedInThisTransaction()).toEqual([{ accountId, seq: expect.any(Number) }]);
    });
    expect(await changesOf(accountId)).toEqual([]);
    expect(await t.stores.sessions.findById(sessions[0]!.id)).toMatchObject({ revokedAt: null });
  });

  it("keeps only the outer transaction's changes when a savepoint rolls back", async () => {
    const outer = await anAccountSignedIn();
    const inner = await anAccountSignedIn(2);
    const logged = await committing(async ({ stores }) => {
      await stores.sessions.revoke(outer.sessions[0]!, minutes(1), "signed_out");
      const savepoint = stores.transaction(async (nested) => {
        await nested.sessions.revoke(inner.sessions[0]!, minutes(1), "signed_out");
        expect(await nested.sessionChanges.loggedInThisTransaction()).toHaveLength(2);
        throw new Boom("savepoint fails");
      });
      await expect(savepoint).rejects.toBeInstanceOf(Boom);
      expect(await stores.sessionChanges.loggedInThisTransaction()).toEqual([{ accountId: outer.accountId, seq: expect.any(Number) }]);
    });
    await expectOneChange(outer.accountId, logged);
    expect(await changesOf(inner.accountId)).toEqual([]);
  });

  it("logs an account again after the savepoint that first logged it rolled back", async () => {
    // Had the rolled-back savepoint left its mark in the list, this later change would be
    // taken for already logged, and no verifier would hear it.
    const { accountId, sessions } = await anAccountSignedIn(2);
    const logged = await committing(async ({ stores }) => {
      const savepoint = stores.transaction(async (nested) => {
        await nested.sessions.revoke(sessions[0]!, minutes(1), "signed_out");
        throw new Boom("savepoint fails");
      });
      await expect(savepoint).rejects.toBeInstanceOf(Boom);
      expect(await stores.sessionChanges.loggedInThisTransaction()).toEqual([]);
      await stores.sessions.revoke(sessions[1]!, minutes(1), "signed_out");
    });
    await expectOneChange(accountId, logged);
  });

  it("keeps a savepoint's changes when it is released", async () => {
    const { accountId, sessions } = await anAccountSignedIn();
    const logged = await committing(({ stores }) =>
      stores.transaction((nested) => nested.sessions.revoke(sessions[0]!, minutes(1), "signed_out")),
    );
    await expectOneChange(accountId, logged);
  });

  // ---- the list belongs to one transaction ----

  it("starts every transaction with an empty list, on the connection that just logged changes", async () => {
    const { accountId, sessions } = await anAccountSignedIn(3);
    await onOneConnection(t, async (stores) => {
      expect(await stores.sessionChanges.loggedInThisTransaction()).toEqual([]);
      await stores.transaction(async (tx) => {
        await tx.sessions.revoke(sessions[0]!, minutes(1), "signed_out");
        expect(await tx.sessionChanges.loggedInThisTransaction()).toHaveLength(1);
      });
      expect(await stores.sessionChanges.loggedInThisTransaction()).toEqual([]);
      expect(await stores.transaction((tx) => tx.sessionChanges.loggedInThisTransaction())).toEqual([]);

      // A statement of its own is a transaction of its own.
      await stores.sessions.revoke(sessions[1]!, minutes(1), "signed_out");
      expect(await stores.sessionChanges.loggedInThisTransaction()).toEqual([]);

      const failing = stores.transaction(async (tx) => {
        await tx.sessions.revoke(sessions[2]!, minutes(1), "signed_out");
        throw new Boom("rolled back");
      });
      await expect(failing).rejects.toBeInstanceOf(Boom);
      expect(await stores.transaction((tx) => tx.sessionChanges.loggedInThisTransaction())).toEqual([]);
    });
    expect(await changesOf(accountId)).toHaveLength(2);
  });

  // ---- NOTIFY ----

  it("notifies '<seq> <account>' for each committed change, and nothing for a rolled-back one", async () => {
    const rolledBack = await anAccountSignedIn();
    const inSavepoint = await anAccountSignedIn();
    const committed = await anAccountSignedIn();
    const listener = await listen(t);
    try {
      await rollingBack(({ stores }) => stores.sessions.revoke(rolledBack.sessions[0]!, minutes(1), "signed_out"));
      const logged = await committing(async ({ stores }) => {
        const savepoint = stores.transaction(async (nested) => {
          await nested.sessions.revoke(inSavepoint.sessions[0]!, minutes(1), "signed_out");
          throw new Boom("savepoint fails");
        });
        await expect(savepoint).rejects.toBeInstanceOf(Boom);
        await stores.sessions.revoke(committed.sessions[0]!, minutes(1), "signed_out");
      });
      const [change] = await changesOf(committed.accountId);
      expect(logged).toEqual([change]);
      const expected = `${change!.seq} ${committed.accountId}`;

      // The committed change fences the rolled-back ones: they were made, and would have been heard, before it.
      await vi.waitFor(() => expect(listener.heard).toContain(expected), { timeout: 5_000 });
      expect(listener.heard).toEqual([expected]);
    } finally {
      await listener.close();
    }
  });

  it("notifies two accounts changed in one transaction once each", async () => {
    const first = await anAccountSignedIn(2);
    const second = await anAccountSignedIn();
    const listener = await listen(t);
    try {
      const logged = await committing(async ({ stores }) => {
        await stores.sessions.revokeAllForAccount(first.accountId, minutes(1), "signed_out_all_devices");
        await stores.sessions.revoke(second.sessions[0]!, minutes(1), "signed_out");
        await stores.profiles.update(first.accountId, first.profile.id, { isKids: true, maxRating: "7+" });
      });
      const expected = logged.map((c) => `${c.seq} ${c.accountId}`);
      expect(expected).toHaveLength(2);
      await vi.waitFor(() => expect(listener.heard).toHaveLength(2), { timeout: 5_000 });
      expect([...listener.heard].sort()).toEqual([...expected].sort());
    } finally {
      await listener.close();
    }
  });
});

/** A connection of its own that listens on the change channel and keeps every payload it hears. */
async function listen(t: ContractDatabase): Promise<{ heard: string[]; close(): Promise<void> }> {
  const heard: string[] = [];
  if (t.kind === "pglite") {
    // PGlite has one connection, in process: it hears what it commits itself.
    const client = (t.db as unknown as { $client: PGlite }).$client;
    const unlisten = await client.listen(CHANNEL, (payload) => void heard.push(payload));
    return { heard, close: unlisten };
  }
  const client = new pg.Client({ connectionString: t.testDatabase.url });
  client.on("notification", (message) => {
    if (message.channel === CHANNEL) heard.push(message.payload ?? "");
  });
  await client.connect();
  await client.query(`LISTEN ${CHANNEL}`);
  return { heard, close: () => client.end() };
}

/**
 * Runs `work` with stores that use one and the same connection throughout, so that what one
 * transaction left in the session's settings would show in the next. PGlite has only one.
 */
async function onOneConnection(t: ContractDatabase, work: (stores: Stores) => Promise<void>): Promise<void> {
  if (t.kind === "pglite") return work(t.stores);
  const pool = (t.db as unknown as { $client: pg.Pool }).$client;
  const client = await pool.connect();
  try {
    await work(createStores(drizzlePg(client, { schema }) as unknown as Database));
  } finally {
    client.release();
  }
}
