// Contract of RetentionStore, through the purge that uses it: with the clock at a fixed moment
// and the shipped periods (sessions 30 days, streams 90, audit 400, messages 7), every kind has
// a row a day past its cutoff, which goes, and one a day short of it, which stays.
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { days, ManualClock } from "../../src/core/clock";
import { defaultCoreConfig, type RetentionConfig } from "../../src/core/config";
import type { Stores } from "../../src/core/ports";
import { type PurgeOutcome, purgeExpiredData } from "../../src/core/retention/purge";
import { auditEvent, outbox, session, stream } from "../../src/store/schema";
import { describeOnEachDatabase, rowsOf } from "./each-database";
import { anAccount, anAuditEvent, aSession, T0 } from "./fixtures";

const NOW = new Date(T0.getTime() + days(1000));
const ago = (n: number) => new Date(NOW.getTime() - days(n));
const none = { sessions: 0, streams: 0, auditEvents: 0, deliveries: 0, messagesEmptied: 0, messageRecords: 0 };

describeOnEachDatabase("retention purge", (t) => {
  let clock: ManualClock;
  let accountId: string;

  const purge = (stores: Stores = t.stores, retention: Partial<RetentionConfig> = {}): Promise<PurgeOutcome> =>
    purgeExpiredData({ stores, clock, config: { ...defaultCoreConfig, retention: { ...defaultCoreConfig.retention, ...retention } } });

  const ids = async (table: typeof session | typeof stream | typeof auditEvent | typeof outbox) =>
    (await t.db.select({ id: table.id }).from(table)).map((row) => row.id).sort();

  /** A session of the account; `ended` is when it was revoked (or, with `expired`, when it expired). */
  async function aStoredSession(overrides: Parameters<typeof aSession>[1]) {
    const record = aSession(accountId, { createdAt: ago(2000), lastSeenAt: ago(2000), authenticatedAt: ago(2000), ...overrides });
    await t.stores.sessions.create(record);
    return record.id;
  }

  async function aStoredMessage(values: Partial<typeof outbox.$inferInsert>) {
    const id = randomUUID();
    await t.db.insert(outbox).values({
      id,
      channel: "email",
      recipient: "viewer@example.test",
      accountId,
      template: "new_sign_in",
      payload: { device: "Firefox on Linux" },
      createdAt: ago(1000),
      ...values,
    });
    return id;
  }

  beforeEach(async () => {
    // Every case starts from nothing to purge; the periods are global, not per account.
    for (const table of [stream, session, auditEvent, outbox]) await t.db.delete(table);
    clock = new ManualClock(NOW);
    const account = anAccount();
    await t.stores.accounts.create(account);
    accountId = account.id;
  });

  it("deletes sessions ended (revoked, or else expired) over 30 days ago, and never a live one however old", async () => {
    await aStoredSession({ revokedAt: ago(31), revokedReason: "signed_out", expiresAt: ago(-300) });
    const revokedLately = await aStoredSession({ revokedAt: ago(29), revokedReason: "signed_out", expiresAt: ago(-300) });
    await aStoredSession({ expiresAt: ago(31) });
    const expiredLately = await aStoredSession({ expiresAt: ago(29) });
    // Revoked after it had expired: it ended when it was revoked.
    const revokedAfterExpiring = await aStoredSession({ expiresAt: ago(40), revokedAt: ago(29), revokedReason: "signed_out" });
    const liveSinceYears = await aStoredSession({ lastSeenAt: ago(0), expiresAt: ago(-1) });
    const liveFarAhead = await aStoredSession({ expiresAt: ago(-36_500) });

    expect(await purge()).toEqual({ purged: true, removed: { ...none, sessions: 2 }, more: false });
    expect(await ids(session)).toEqual([revokedLately, expiredLately, revokedAfterExpiring, liveSinceYears, liveFarAhead].sort());

    // Two days on, the three that ended 29 days ago are past it; the live ones still are not.
    clock.advance(days(2));
    expect(await purge()).toMatchObject({ removed: { ...none, sessions: 3 } });
    expect(await ids(session)).toEqual([liveSinceYears, liveFarAhead].sort());
  });

  it("deletes streams ended over 90 days ago, never one still running", async () => {
    const device = await aStoredSession({ lastSeenAt: ago(0), expiresAt: ago(-1) });
    const aStream = async (startedAt: Date, endedAt: Date | null) => {
      const id = randomUUID();
      await t.stores.streams.create({
        id,
        accountId,
        sessionId: device,
        profileId: null,
        titleId: "title-1",
        startedAt,
        lastHeartbeatAt: endedAt ?? startedAt,
        endedAt,
        endedReason: endedAt ? "stopped" : null,
      });
      return id;
    };
    await aStream(ago(92), ago(91));
    const endedLately = await aStream(ago(90), ago(89));
    const running = await aStream(ago(1000), null);

    expect(await purge()).toEqual({ purged: true, removed: { ...none, streams: 1 }, more: false });
    expect(await ids(stream)).toEqual([endedLately, running].sort());
    clock.advance(days(2));
    expect(await purge()).toMatchObject({ removed: { ...none, streams: 1 } });
    expect(await ids(stream)).toEqual([running]);
  });

  it("keeps an ended session while an ended stream of it is kept, and deletes it with the stream's period", async () => {
    const device = await aStoredSession({ revokedAt: ago(60), revokedReason: "signed_out", expiresAt: ago(-300) });
    await t.stores.streams.create({
      id: randomUUID(),
      accountId,
      sessionId: device,
      profileId: null,
      titleId: "title-1",
      startedAt: ago(61),
      lastHeartbeatAt: ago(60),
      endedAt: ago(60),
      endedReason: "signed_out",
    });
    expect(await purge()).toEqual({ purged: true, removed: none, more: false });
    expect(await ids(session)).toEqual([device]);

    clock.advance(days(31));
    expect(await purge()).toMatchObject({ removed: { ...none, streams: 1, sessions: 1 } });
    expect(await ids(session)).toEqual([]);
  });

  it("deletes audit events over 400 days old, the account's and those of no account", async () => {
    for (const [accountOf, at] of [
      [accountId, ago(401)],
      [null, ago(401)],
      [accountId, ago(399)],
    ] as const) {
      await t.stores.audit.record(anAuditEvent(accountOf, { at }));
    }
    expect(await purge()).toEqual({ purged: true, removed: { ...none, auditEvents: 2 }, more: false });
    expect(await t.stores.audit.listByAccount(accountId, 10)).toEqual([expect.objectContaining({ at: ago(399) })]);
    clock.advance(days(2));
    expect(await purge()).toMatchObject({ removed: { ...none, auditEvents: 1 } });
    expect(await ids(auditEvent)).toEqual([]);
  });

  it("deletes webhook deliveries and messages about no account 7 days after they finished", async () => {
    await aStoredMessage({ channel: "webhook", recipient: "crm", accountId: null, template: "session.revoked", sentAt: ago(8) });
    await aStoredMessage({ accountId: null, failedAt: ago(8), lastError: "550 no such user" });
    const webhookLately = await aStoredMessage({ channel: "webhook", recipient: "crm", accountId: null, sentAt: ago(6) });
    const pendingWebhook = await aStoredMessage({ channel: "webhook", recipient: "crm", accountId: null });

    expect(await purge()).toEqual({ purged: true, removed: { ...none, deliveries: 2 }, more: false });
    expect(await ids(outbox)).toEqual([webhookLately, pendingWebhook].sort());
    clock.advance(days(2));
    expect(await purge()).toMatchObject({ removed: { ...none, deliveries: 1 } });
    expect(await ids(outbox)).toEqual([pendingWebhook]);
  });

  it("keeps only the record that an email or text was sent after 7 days, and deletes the record after 400", async () => {
    const sent = await aStoredMessage({ sentAt: ago(8) });
    const abandoned = await aStoredMessage({ channel: "sms", recipient: "+14155550100", failedAt: ago(8), lastError: "unreachable" });
    const sentLately = await aStoredMessage({ sentAt: ago(6) });
    const recordLately = await aStoredMessage({ recipient: "", payload: {}, sentAt: ago(399) });
    await aStoredMessage({ recipient: "", payload: {}, sentAt: ago(401) });
    const neverSent = await aStoredMessage({ createdAt: ago(1000) });

    expect(await purge()).toEqual({ purged: true, removed: { ...none, messagesEmptied: 2, messageRecords: 1 }, more: false });
    const rows = new Map(
      (await t.db.select().from(outbox)).map((row) => [
        row.id,
        { recipient: row.recipient, payload: row.payload, lastError: row.lastError },
      ]),
    );
    const emptied = { recipient: "", payload: {}, lastError: null };
    const untouched = { recipient: "viewer@example.test", payload: { device: "Firefox on Linux" }, lastError: null };
    expect(Object.fromEntries(rows)).toEqual({
      [sent]: emptied,
      [abandoned]: emptied,
      [sentLately]: untouched,
      [recordLately]: emptied,
      [neverSent]: untouched,
    });
    // What is left says what was sent, about whom and when.
    const [record] = await t.db.select().from(outbox).where(eq(outbox.id, abandoned));
    expect(record).toMatchObject({ channel: "sms", accountId, template: "new_sign_in", failedAt: ago(8) });

    // Emptied once, not again; two days on the next ones cross.
    expect(await purge()).toEqual({ purged: true, removed: none, more: false });
    clock.advance(days(2));
    expect(await purge()).toMatchObject({ removed: { ...none, messagesEmptied: 1, messageRecords: 1 } });
    expect(await ids(outbox)).toEqual([sent, abandoned, sentLately, neverSent].sort());
  });

  it("deletes oldest first in batches, at most the round's cap, and the rest in the next round", async () => {
    const expired = [];
    for (const n of [35, 34, 33, 32, 31]) expired.push(await aStoredSession({ expiresAt: ago(n) }));
    const capped = { batchSize: 2, maxRowsPerRun: 3 };
    expect(await purge(t.stores, capped)).toEqual({ purged: true, removed: { ...none, sessions: 3 }, more: true });
    expect(await ids(session)).toEqual(expired.slice(3).sort());
    expect(await purge(t.stores, capped)).toEqual({ purged: true, removed: { ...none, sessions: 2 }, more: false });
  });

  // PGlite is one connection: its transactions take turns, so no second purge can overlap one.
  it.skipIf(t.kind === "pglite")("does nothing while another transaction holds the purge's turn, and purges once it ends", async () => {
    const expired = await aStoredSession({ expiresAt: ago(31) });
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    let holding = () => {};
    const held = new Promise<void>((resolve) => (holding = resolve));
    const holder = t.stores.transaction(async (tx) => {
      expect(await tx.retention.takePurgeTurn()).toBe(true);
      holding();
      await released;
    });
    await held;
    try {
      expect(await purge()).toEqual({ purged: false });
      expect(await ids(session)).toEqual([expired]);
    } finally {
      release();
      await holder;
    }
    expect(await purge()).toMatchObject({ purged: true, removed: { sessions: 1 } });
  });

  it.skipIf(t.kind === "pglite")("holds the turn through every batch of its round", async () => {
    for (const n of [33, 32, 31]) await aStoredSession({ expiresAt: ago(n) });
    const during: PurgeOutcome[] = [];
    // A second purge, on another connection, each time the first is between two batches.
    const watched: Stores = {
      ...t.stores,
      transaction: (work) =>
        t.stores.transaction((tx) =>
          work({
            ...tx,
            retention: {
              ...tx.retention,
              deleteEndedSessions: async (endedBefore, limit) => {
                during.push(await purge());
                return tx.retention.deleteEndedSessions(endedBefore, limit);
              },
            },
          }),
        ),
    };
    expect(await purge(watched, { batchSize: 1 })).toMatchObject({ purged: true, removed: { sessions: 3 } });
    expect(during).toEqual([{ purged: false }, { purged: false }, { purged: false }, { purged: false }]);
  });

  it("logs a change for a session that merely expired, none for one already revoked", async () => {
    const other = anAccount();
    await t.stores.accounts.create(other);
    await aStoredSession({ expiresAt: ago(31) });
    await t.stores.sessions.create(aSession(other.id, { revokedAt: ago(31), revokedReason: "signed_out", expiresAt: ago(-300) }));
    await purge();
    const changed = await rowsOf<{ account_id: string }>(
      t.db,
      sql`select account_id from session_change where account_id in (${accountId}, ${other.id})`,
    );
    expect(changed.map((row) => row.account_id)).toEqual([accountId]);
  });
});
