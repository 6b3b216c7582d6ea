// `usher clients` and `usher webhooks` as real processes, on PostgreSQL databases made for this
// file: processes may share one, where an embedded database allows one at a time. Each process
// start costs a second or two, so commands that don't depend on each other run side by side.
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, it } from "vitest";
import { systemClock } from "../src/core/clock";
import { cryptoRandom } from "../src/core/crypto/random";
import { applyConfiguredEndpoints, openSigningSecret } from "../src/core/webhooks/endpoints";
import { webhookEventTypes } from "../src/core/webhooks/ports";
import { deriveCoreKeys } from "../src/server/secret-key";
import { createStores } from "../src/store/stores";
import { createTestDatabase, rowsOf, type TestDatabase } from "./support/databases";
import { type BuiltCli, buildUsherCli, type CliOutcome } from "./support/usher-cli";
import { productionNodeEnv } from "./support/usher-process";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

const occurrences = (text: string, part: string) => text.split(part).length - 1;

const configuredSecret = `whsec_${Buffer.alloc(32, 7).toString("base64")}`;
let database: TestDatabase;
let empty: TestDatabase;
let env: NodeJS.ProcessEnv;
let emptyEnv: NodeJS.ProcessEnv;
let keys: ReturnType<typeof deriveCoreKeys>;
const dataDir = mkdtempSync(join(tmpdir(), "usher-cli-services-"));

let cli: BuiltCli;
const usher = (env: NodeJS.ProcessEnv, ...args: string[]): Promise<CliOutcome> => cli.usher(env, ...args);

beforeAll(async () => {
  [database, empty, cli] = await Promise.all([createTestDatabase("postgres"), createTestDatabase("postgres"), buildUsherCli()]);
  env = productionNodeEnv(database.url!, {
    SERVICE_CLIENTS: JSON.stringify([{ id: "catalogue", name: "Catalogue", secretSha256: sha256("catalogue-secret") }]),
    WEBHOOK_ENDPOINTS: JSON.stringify([
      { id: "crm", url: "https://crm.example/usher", secret: configuredSecret, events: ["session.revoked"] },
      { id: "later", url: "https://later.example/usher", secret: configuredSecret, events: ["session.revoked"] },
    ]),
  });
  emptyEnv = productionNodeEnv(empty.url!);
  keys = deriveCoreKeys(Buffer.from(env.SECRET_KEY!, "base64"));
  // What a server start does with WEBHOOK_ENDPOINTS; "later" stands for one added since.
  const deps = { stores: createStores(database.database.db), clock: systemClock, random: cryptoRandom, keys };
  await applyConfiguredEndpoints(deps, [
    { id: "crm", url: "https://crm.example/usher", secret: configuredSecret, eventTypes: ["session.revoked"] },
  ]);
});

afterAll(async () => {
  rmSync(dataDir, { recursive: true, force: true });
  cli?.remove();
  await Promise.all([database?.drop(), empty?.drop()]);
});

const storedClient = async (id: string) =>
  (await rowsOf<Record<string, unknown>>(database.database.db, sql`select * from service_client where id = ${id}`))[0];
const storedEndpoint = async (id: string) =>
  (
    await rowsOf<{ secret_sealed: string; event_types: string[] }>(
      database.database.db,
      sql`select * from webhook_endpoint where id = ${id}`,
    )
  )[0];

// Real processes on a shared 2-core machine: a round of them can take many seconds under load.
describe.concurrent("usher clients and usher webhooks", { timeout: 90_000 }, () => {
  it("clients: add shows the secret once and stores its SHA-256; list, rotate-secret and remove; refusals", async ({ expect }) => {
    const [added, badId, longName, configuredAdd, configuredRotate, configuredRemove, unknownRotate, unknownRemove, unknownSub] =
      await Promise.all([
        usher(env, "clients", "add", "playback", "Playback", "API"),
        usher(env, "clients", "add", "play back!", "Playback"),
        usher(env, "clients", "add", "long", "n".repeat(61)),
        usher(env, "clients", "add", "catalogue", "Another catalogue"),
        usher(env, "clients", "rotate-secret", "catalogue"),
        usher(env, "clients", "remove", "catalogue"),
        usher(env, "clients", "rotate-secret", "nobody"),
        usher(env, "clients", "remove", "nobody"),
        usher(env, "clients", "frobnicate"),
      ]);
    expect(added.code, added.stderr).toBe(0);
    const secret = /Client secret: (\S+)/.exec(added.stdout)![1]!;
    expect(occurrences(added.stdout + added.stderr, secret)).toBe(1);
    expect(added.stdout).toContain("shown only this once: Usher stores only its SHA-256");
    const entry = JSON.parse(/^\s*(\{"id":"playback".*\})$/m.exec(added.stdout)![1]!);
    expect(entry).toEqual({ id: "playback", name: "Playback API", secretSha256: sha256(secret) });
    const row = await storedClient("playback");
    expect(row).toMatchObject({ name: "Playback API", secret_digest: sha256(secret), secret_rotated_at: null });
    expect(JSON.stringify(row)).not.toContain(secret);

    const refusals = { badId, longName, configuredAdd, configuredRotate, configuredRemove, unknownRotate, unknownRemove, unknownSub };
    expect(Object.values(refusals).map((outcome) => outcome.code)).toEqual(Object.values(refusals).map(() => 1));
    expect(badId.stderr).toContain(
      'usher clients: "play back!" is not a client id: 1 to 100 letters, digits, dots, dashes or underscores.',
    );
    expect(longName.stderr).toContain("A client's name is 1 to 60 characters; this one has 61.");
    expect(configuredAdd.stderr).toContain("catalogue is configured by SERVICE_CLIENTS; choose another id.");
    expect(configuredRotate.stderr).toContain("catalogue is configured by SERVICE_CLIENTS; change the variable instead.");
    expect(configuredRemove.stderr).toContain("catalogue is configured by SERVICE_CLIENTS; change the variable instead.");
    expect(unknownRotate.stderr).toContain("No service client with id nobody");
    expect(unknownRemove.stderr).toContain("No service client with id nobody");
    expect(unknownSub.stderr).toContain('Unknown subcommand "frobnicate".');
    expect(unknownSub.stderr).toContain("usher clients rotate-secret <id>");

    const [duplicate, listed, rotated] = await Promise.all([
      usher(env, "clients", "add", "playback", "Playback again"),
      usher(env, "clients", "list"),
      usher(env, "clients", "rotate-secret", "playback"),
    ]);
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toContain("A service client with id playback already exists");
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(/^ID\s+NAME\s+SOURCE\s+CREATED\s+SECRET ROTATED$/m);
    expect(listed.stdout).toMatch(/^catalogue\s+Catalogue\s+configured\s/m);
    expect(listed.stdout).toMatch(/^playback\s+Playback API\s+cli\s+\d{4}-\d\d-\d\d \d\d:\d\d UTC/m);
    expect(rotated.code, rotated.stderr).toBe(0);
    const newSecret = /Client secret: (\S+)/.exec(rotated.stdout)![1]!;
    expect(newSecret).not.toBe(secret);
    expect(occurrences(rotated.stdout, newSecret)).toBe(1);
    expect(rotated.stdout).toContain("The new secret works at once; each node stops taking the old one within 10 seconds.");
    const rotatedRow = await storedClient("playback");
    expect(rotatedRow).toMatchObject({ secret_digest: sha256(newSecret) });
    expect(rotatedRow!.secret_rotated_at).not.toBeNull();

    const removed = await usher(env, "clients", "remove", "playback");
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.stdout).toContain("Removed service client playback.");
    expect(await storedClient("playback")).toBeUndefined();
  });

  it("webhooks: add shows the signing secret once and stores it sealed; list shows health; remove; refusals", async ({ expect }) => {
    const [billing, audit, badUrl, badEvents, configuredAdd, configuredRemove, unknownRemove] = await Promise.all([
      usher(env, "webhooks", "add", "billing", "https://billing.example/hooks", "session.revoked,account.email_changed"),
      usher(env, "webhooks", "add", "audit", "http://audit.internal/usher", "all"),
      usher(env, "webhooks", "add", "ftp", "ftp://files.example/hooks", "all"),
      usher(env, "webhooks", "add", "typo", "https://typo.example/hooks", "session.revoked,session.nope"),
      usher(env, "webhooks", "add", "later", "https://later.example/usher", "all"),
      usher(env, "webhooks", "remove", "crm"),
      usher(env, "webhooks", "remove", "nobody"),
    ]);
    expect(billing.code, billing.stderr).toBe(0);
    expect(audit.code, audit.stderr).toBe(0);
    const secret = /Signing secret: (whsec_\S+)/.exec(billing.stdout)![1]!;
    expect(occurrences(billing.stdout + billing.stderr, secret)).toBe(1);
    expect(billing.stdout).toContain("shown only this once");
    const row = await storedEndpoint("billing");
    expect(row!.event_types).toEqual(["session.revoked", "account.email_changed"]);
    // Sealed: neither the secret nor its key bytes are in the row, yet the server's key opens it.
    expect(row!.secret_sealed).not.toContain(secret.slice("whsec_".length));
    expect(openSigningSecret(keys.webhookSecrets, { id: "billing", secretSealed: row!.secret_sealed })).toBe(secret);
    expect([...(await storedEndpoint("audit"))!.event_types].sort()).toEqual([...webhookEventTypes].sort());

    const refusals = { badUrl, badEvents, configuredAdd, configuredRemove, unknownRemove };
    expect(Object.values(refusals).map((outcome) => outcome.code)).toEqual(Object.values(refusals).map(() => 1));
    expect(badUrl.stderr).toContain("The URL must be an http or https URL: ftp://files.example/hooks");
    expect(badEvents.stderr).toContain('Unknown event type "session.nope". Event types are "all", or some of: session.revoked,');
    expect(configuredAdd.stderr).toContain("later is configured by WEBHOOK_ENDPOINTS; choose another id.");
    expect(configuredRemove.stderr).toContain("crm is configured by WEBHOOK_ENDPOINTS; change the variable instead.");
    expect(unknownRemove.stderr).toContain("No webhook endpoint with id nobody");
    expect(await storedEndpoint("crm")).toBeDefined();

    // Deliveries as a node records them.
    const stores = createStores(database.database.db);
    await stores.webhookEndpoints.recordDelivered("billing", new Date("2030-01-02T03:04:05Z"));
    await stores.webhookEndpoints.recordFailed("audit", new Date("2030-01-02T10:00:00Z"), "Error: connect ECONNREFUSED");
    await stores.webhookEndpoints.recordFailed("audit", new Date("2030-01-02T10:05:00Z"), "Error: HTTP 503");

    const [listed, duplicate] = await Promise.all([
      usher(env, "webhooks", "list"),
      usher(env, "webhooks", "add", "billing", "https://billing.example/other", "all"),
    ]);
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toContain("A webhook endpoint with id billing already exists");
    expect(listed.code, listed.stderr).toBe(0);
    const lines = listed.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^ID\s+URL\s+EVENTS\s+SOURCE\s+HEALTH$/);
    const line = (id: string) => lines.find((text) => text.startsWith(`${id} `));
    expect(line("crm")).toMatch(/https:\/\/crm\.example\/usher\s+session\.revoked\s+configured\s+never delivered$/);
    expect(line("billing")).toMatch(/session\.revoked, account\.email_changed\s+cli\s+healthy \(last delivery 2030-01-02 03:04 UTC\)$/);
    expect(line("audit")).toMatch(/\s+all\s+cli\s+failing since 2030-01-02 10:00 UTC, 2 failed tries, last error: Error: HTTP 503$/);
    expect(line("later")).toMatch(/configured\s+added at the next start$/);

    const removed = await usher(env, "webhooks", "remove", "billing");
    expect(removed.code, removed.stderr).toBe(0);
    expect(await storedEndpoint("billing")).toBeUndefined();
    expect((await stores.webhookEndpoints.list()).map((endpoint) => endpoint.id).sort()).toEqual(["audit", "crm"]);
  });

  it("says when there is nothing yet, and refuses (as migrate does) an embedded database a running server has open", async ({ expect }) => {
    // PGlite keeps postmaster.pid in its folder while open (see src/cli/open-stores.ts).
    mkdirSync(join(dataDir, "pglite"), { recursive: true });
    writeFileSync(join(dataDir, "pglite", "postmaster.pid"), "-42\n/pglite/data\n");
    const embeddedEnv = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", LOG_LEVEL: "warn" };
    const [clients, webhooks, inUse, migrating] = await Promise.all([
      usher(emptyEnv, "clients", "list"),
      usher(emptyEnv, "webhooks", "list"),
      usher(embeddedEnv, "clients", "list"),
      usher(embeddedEnv, "migrate"),
    ]);
    expect(clients).toMatchObject({ code: 0, stdout: "No service clients yet. Add one with: usher clients add <id> <name>\n" });
    expect(webhooks).toMatchObject({
      code: 0,
      stdout: "No webhook endpoints yet. Add one with: usher webhooks add <id> <url> <event types>\n",
    });
    expect(inUse.code).toBe(1);
    expect(inUse.stderr).toContain(
      `usher clients: The embedded database in ${dataDir} is in use by a running Usher: stop it first, or use PostgreSQL (DATABASE_URL).`,
    );
    expect(migrating.code).toBe(1);
    expect(migrating.stderr).toContain(`usher migrate: The embedded database in ${dataDir} is in use by a running Usher`);
  });
});
