// `usher purge` as production runs it (the built CLI, test/support/usher-cli.ts), as a real
// process on a PostgreSQL database made for this file.
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { days } from "../src/core/clock";
import { outbox, session } from "../src/store/schema";
import { createStores } from "../src/store/stores";
import { PURGE_LOCK_KEY } from "../src/store/stores/retention";
import { anAccount, anAuditEvent, aSession } from "./store-contract/fixtures";
import { createTestDatabase, type TestDatabase } from "./support/databases";
import { type BuiltCli, buildUsherCli, type CliOutcome } from "./support/usher-cli";
import { productionNodeEnv } from "./support/usher-process";

let cli: BuiltCli;
let database: TestDatabase;
let env: NodeJS.ProcessEnv;

/** `node usher.js <args>`, as `npm run usher` runs it, with `overrides` on top of this file's environment. */
const usher = (overrides: NodeJS.ProcessEnv, ...args: string[]): Promise<CliOutcome> => cli.usher({ ...env, ...overrides }, ...args);

const ago = (n: number) => new Date(Date.now() - days(n));

beforeAll(async () => {
  [database, cli] = await Promise.all([createTestDatabase("postgres"), buildUsherCli()]);
  env = productionNodeEnv(database.url!);
}, 60_000);

afterAll(async () => {
  cli?.remove();
  await database?.drop();
});

describe("usher purge", { timeout: 30_000 }, () => {
  it("refuses a bad retention period or argument before it connects, naming it", async () => {
    const [badDays, badArgument] = await Promise.all([
      usher({ RETENTION_MESSAGES_DAYS: "0", DATABASE_URL: "postgres://127.0.0.1:9/nowhere" }, "purge"),
      usher({}, "purge", "--all"),
    ]);
    expect(badDays).toMatchObject({ code: 1, stdout: "" });
    expect(badDays.stderr).toBe('RETENTION_MESSAGES_DAYS must be a whole number of days from 1 to 36500, not "0".\n');
    expect(badArgument.code).toBe(1);
    expect(badArgument.stderr).toContain('usher purge: Unknown argument "--all".');
  });

  it("deletes what its periods no longer keep and prints it as a table; --json says the same as JSON", async () => {
    const stores = createStores(database.database.db);
    const account = anAccount();
    await stores.accounts.create(account);
    const session31 = aSession(account.id, { expiresAt: ago(31) });
    const session25 = aSession(account.id, { revokedAt: ago(25), revokedReason: "signed_out" });
    await stores.sessions.create(session31);
    await stores.sessions.create(session25);
    await stores.audit.record(anAuditEvent(account.id, { at: ago(401) }));
    const message = randomUUID();
    const base = {
      channel: "email",
      recipient: "viewer@example.test",
      template: "new_sign_in",
      payload: { device: "TV" },
      createdAt: ago(9),
    };
    await database.database.db.insert(outbox).values({ ...base, id: message, accountId: account.id, sentAt: ago(8) });
    await database.database.db.insert(outbox).values({ ...base, id: randomUUID(), channel: "webhook", recipient: "crm", sentAt: ago(8) });

    const first = await usher({}, "purge");
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout.trimEnd().split("\n")).toEqual([
      expect.stringMatching(/^DATA\s+KEPT FOR\s+REMOVED$/),
      expect.stringMatching(/^sessions, from their end\s+30 days\s+1 deleted$/),
      expect.stringMatching(/^streams, from their end\s+90 days\s+0 deleted$/),
      expect.stringMatching(/^audit events\s+400 days\s+1 deleted$/),
      expect.stringMatching(/^webhook deliveries and messages about no account\s+7 days\s+1 deleted$/),
      expect.stringMatching(/^addresses and contents of emails and texts\s+7 days\s+1 emptied$/),
      expect.stringMatching(/^records that an email or text was sent\s+400 days\s+0 deleted$/),
    ]);
    const [kept] = await database.database.db.select().from(outbox).where(eq(outbox.id, message));
    expect(kept).toMatchObject({ recipient: "", payload: {}, accountId: account.id, template: "new_sign_in" });

    const second = await usher({ RETENTION_SESSIONS_DAYS: "20" }, "purge", "--json");
    expect(second.code, second.stderr).toBe(0);
    expect(JSON.parse(second.stdout)).toEqual({
      purged: true,
      removed: { sessions: 1, streams: 0, auditEvents: 0, deliveries: 0, messagesEmptied: 0, messageRecords: 0 },
      more: false,
      keptDays: { sessions: 20, streams: 90, auditEvents: 400, deliveries: 7, messagesEmptied: 7, messageRecords: 400 },
    });
    expect(await database.database.db.select().from(session).where(eq(session.accountId, account.id))).toEqual([]);
  });

  it("does nothing, and says so, while another purge holds the turn", async () => {
    const stores = createStores(database.database.db);
    const account = anAccount();
    await stores.accounts.create(account);
    await stores.sessions.create(aSession(account.id, { expiresAt: ago(31) }));
    const holder = new pg.Client({ connectionString: database.url });
    await holder.connect();
    try {
      await holder.query("begin");
      // The turn a purging node holds.
      const { rows } = await holder.query("select pg_try_advisory_xact_lock($1::bigint) as taken", [PURGE_LOCK_KEY]);
      expect(rows).toEqual([{ taken: true }]);
      const [table, json] = await Promise.all([usher({}, "purge"), usher({}, "purge", "--json")]);
      expect(table).toMatchObject({
        code: 0,
        stdout: "Another Usher is purging right now; nothing was deleted here. It does the same work.\n",
      });
      expect(JSON.parse(json.stdout)).toMatchObject({ purged: false });
      const left = await database.database.db.execute(sql`select count(*)::int as n from session where account_id = ${account.id}`);
      expect((left as unknown as { rows: { n: number }[] }).rows).toEqual([{ n: 1 }]);
    } finally {
      await holder.query("rollback");
      await holder.end();
    }
    expect(JSON.parse((await usher({}, "purge", "--json")).stdout)).toMatchObject({ purged: true, removed: { sessions: 1 } });
  });
});
