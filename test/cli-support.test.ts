// Support's commands (usher accounts, sessions, two-step) as real processes against a real
// database: PostgreSQL with a node serving beside them (a change made by the command is refused
// by the node on its next request), and the embedded database, which the command opens only
// while no server has it open.
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readConfig } from "../src/server/config";
import { type RunningServer, startServer } from "../src/server/main";
import { cheapArgon2, STRONG_PASSWORD, uniqueEmail } from "./helper";
import { createTestDatabase, type TestDatabase } from "./support/databases";
import { type BuiltCli, buildUsherCli, type CliOutcome } from "./support/usher-cli";
import { productionNodeEnv } from "./support/usher-process";

const workDir = mkdtempSync(join(tmpdir(), "usher-cli-support-"));
let database: TestDatabase;
let env: NodeJS.ProcessEnv;
let server: RunningServer;
let cli: BuiltCli;
const usher = (env: NodeJS.ProcessEnv, ...args: string[]): Promise<CliOutcome> => cli.usher(env, ...args);

beforeAll(async () => {
  [database, cli] = await Promise.all([createTestDatabase("postgres"), buildUsherCli()]);
  env = productionNodeEnv(database.url!);
  server = await startServer({ ...readConfig(env), argon2: cheapArgon2 }, { logger: false });
});

afterAll(async () => {
  await server?.close();
  await database?.drop();
  cli?.remove();
  rmSync(workDir, { recursive: true, force: true });
});

/** A phone app's request to the node, with its bearer token when it has one. */
async function api(base: string, method: string, path: string, body?: unknown, token?: string) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { ...(body ? { "content-type": "application/json" } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: response.status, body: ((await response.json().catch(() => null)) ?? {}) as ApiBody };
}

/** The parts of the node's answers these tests read. */
interface ApiBody {
  account: { id: string };
  token: string;
  error: { code: string; reason?: string };
  events: { type: string; details: { by?: string } }[];
}

async function member(base: string, profileName = "Marguerite") {
  const email = uniqueEmail("support");
  const signedUp = await api(base, "POST", "/api/v1/auth/sign-up", {
    email,
    password: STRONG_PASSWORD,
    profileName,
    client: { kind: "mobile" },
  });
  expect(signedUp.status).toBe(201);
  return { email, id: signedUp.body.account.id, token: signedUp.body.token };
}

const signIn = (base: string, email: string) =>
  api(base, "POST", "/api/v1/auth/sign-in", { email, password: STRONG_PASSWORD, client: { kind: "mobile", name: "Marguerite's phone" } });

describe.concurrent("support commands on PostgreSQL, beside a running node", { timeout: 90_000 }, () => {
  it("find and show an account; list its devices; refuse bad input before opening anything", async () => {
    const m = await member(server.url);
    const [byEmail, byId, json, shown, listed, nobody, notAQuery, noOperator, badOption] = await Promise.all([
      usher(env, "accounts", "find", m.email.toUpperCase()),
      usher(env, "accounts", "find", m.id),
      usher(env, "accounts", "find", m.email, "--json"),
      usher(env, "accounts", "show", m.email),
      usher(env, "sessions", "list", m.email),
      usher(env, "accounts", "find", "nobody@example.com"),
      usher(env, "accounts", "show", "not an account"),
      usher(env, "accounts", "lock", m.email, "--reason", "test"),
      usher(env, "accounts", "find", m.email, "--frobnicate"),
    ]);
    for (const outcome of [byEmail, byId, json, shown, listed, nobody]) expect(outcome.code, outcome.stderr).toBe(0);
    expect(byEmail.stdout).toMatch(/^ID\s+EMAIL\s+PHONE\s+PLAN\s+CREATED\s+STATUS$/m);
    expect(byEmail.stdout).toContain(`${m.id}  ${m.email}`);
    expect(byId.stdout).toContain(m.email);
    expect(JSON.parse(json.stdout)).toEqual([expect.objectContaining({ id: m.id, email: m.email, locked: null, plan: "standard" })]);
    expect(shown.stdout).toMatch(/^Status\s+active$/m);
    expect(shown.stdout).toMatch(/^Profiles\s+Marguerite$/m);
    expect(shown.stdout).toMatch(/^Two-step\s+off$/m);
    expect(shown.stdout).toMatch(/account_created/);
    expect(shown.stdout + listed.stdout).not.toMatch(/argon2|\$argon|token/i);
    expect(listed.stdout).toMatch(/^SESSION\s+DEVICE\s+KIND/m);
    expect(nobody.stdout).toContain("No account matches nobody@example.com.");
    expect([notAQuery.code, noOperator.code, badOption.code]).toEqual([1, 1, 1]);
    expect(notAQuery.stderr).toContain('"not an account" is not an email, a phone number with its country code (+1…), or an account id.');
    expect(noOperator.stderr).toContain("Say who you are with --operator <your name>");
    expect(badOption.stderr).toMatch(/Unknown option '--frobnicate'/);
  });

  it("lock: the node refuses the devices at once, and the right password gets ACCOUNT_LOCKED; unlock lets the owner in", async () => {
    const m = await member(server.url);
    const locked = await usher(env, "accounts", "lock", m.email, "--reason", "Chargeback under review", "--operator", "Dana");
    expect(locked.code, locked.stderr).toBe(0);
    expect(locked.stdout).toContain(`Locked ${m.email} (${m.id}). 1 device signed out`);

    const me = await api(server.url, "GET", "/api/v1/me", undefined, m.token);
    expect(me.status).toBe(401);
    expect(me.body.error).toMatchObject({ code: "SESSION_REVOKED", reason: "account_locked" });
    const refused = await signIn(server.url, m.email);
    expect([refused.status, refused.body.error.code]).toEqual([403, "ACCOUNT_LOCKED"]);
    const [again, shown] = await Promise.all([
      usher(env, "accounts", "lock", m.email, "--reason", "again", "--operator", "Dana"),
      usher(env, "accounts", "show", m.id),
    ]);
    expect(again.stderr).toContain("is already locked");
    expect(shown.stdout).toMatch(/^Status\s+LOCKED since .* UTC: Chargeback under review$/m);
    expect(shown.stdout).toMatch(/account_locked\s+—\s+support \(Dana\)/);

    const unlocked = await usher(env, "accounts", "unlock", m.email, "--operator", "Dana");
    expect(unlocked.code, unlocked.stderr).toBe(0);
    const back = await signIn(server.url, m.email);
    expect(back.status).toBe(200);
    const activity = await api(server.url, "GET", "/api/v1/account/activity", undefined, back.body.token);
    const bySupport = (activity.body.events as { type: string; details: { by?: string } }[]).filter(
      (event) => event.details.by === "support",
    );
    expect(bySupport.map((event) => event.type).sort()).toEqual(["account_locked", "account_unlocked"]);
  });

  it("sessions revoke: one device by its id, then every device; each refused on its next request", async () => {
    const m = await member(server.url);
    const second = await signIn(server.url, m.email);
    const sessionId = second.body.token.split(".")[0]!;
    const one = await usher(env, "sessions", "revoke", sessionId, "--operator", "Dana");
    expect(one.code, one.stderr).toBe(0);
    expect(one.stdout).toContain("Signed out 1 device");
    const gone = await api(server.url, "GET", "/api/v1/me", undefined, second.body.token);
    expect(gone.body.error).toMatchObject({ code: "SESSION_REVOKED", reason: "revoked_by_support" });
    expect((await api(server.url, "GET", "/api/v1/me", undefined, m.token)).status).toBe(200);

    const [ended, bogus] = await Promise.all([
      usher(env, "sessions", "revoke", sessionId, "--operator", "Dana"),
      usher(env, "sessions", "revoke", "no such id!", "--operator", "Dana"),
    ]);
    expect(ended.stderr).toContain(`Session ${sessionId} has already ended.`);
    expect(bogus.stderr).toContain('"no such id!" is not a session id');
    const all = await usher(env, "sessions", "revoke", "--all", m.email, "--operator", "Dana", "--json");
    expect(JSON.parse(all.stdout)).toEqual({ signedOutDevices: 1 });
    expect((await api(server.url, "GET", "/api/v1/me", undefined, m.token)).status).toBe(401);
    const history = await usher(env, "sessions", "list", m.email, "--all");
    expect(history.stdout.match(/revoked_by_support/g)).toHaveLength(2);
  });

  it("two-step reset refuses an account without it; export hands over the data; delete asks for --yes, then erases", async () => {
    const m = await member(server.url);
    const out = join(workDir, `${m.id}.json`);
    const [noTwoStep, exported, toFile, unconfirmed] = await Promise.all([
      usher(env, "two-step", "reset", m.email, "--operator", "Dana"),
      usher(env, "accounts", "export", m.email, "--operator", "Dana"),
      usher(env, "accounts", "export", m.email, "--operator", "Dana", "--out", out),
      usher(env, "accounts", "delete", m.email, "--operator", "Dana"),
    ]);
    expect(noTwoStep.stderr).toContain("has no two-step verification to reset");
    expect(exported.code, exported.stderr).toBe(0);
    const data = JSON.parse(exported.stdout);
    expect(data.account).toMatchObject({ id: m.id, email: m.email });
    expect(data.profiles.map((profile: { name: string }) => profile.name)).toEqual(["Marguerite"]);
    expect(exported.stdout).not.toMatch(/hash|secret|token/i);
    expect(toFile.stdout).toContain(`to ${out}.`);
    expect(JSON.parse(readFileSync(out, "utf8")).account.id).toBe(m.id);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(unconfirmed.code).toBe(1);
    expect(unconfirmed.stderr).toContain("Run again with --yes to delete it.");
    expect((await api(server.url, "GET", "/api/v1/me", undefined, m.token)).status).toBe(200);

    const deleted = await usher(env, "accounts", "delete", m.email, "--operator", "Dana", "--yes");
    expect(deleted.code, deleted.stderr).toBe(0);
    expect(deleted.stdout).toContain(`Deleted ${m.email} (${m.id}): 1 device signed out`);
    expect((await api(server.url, "GET", "/api/v1/me", undefined, m.token)).status).toBe(401);
    expect((await usher(env, "accounts", "find", m.email)).stdout).toContain("No account matches");
  });
});

describe("support commands on the embedded database", { timeout: 90_000 }, () => {
  it("refuse while a server has it open, and lock it once the server has stopped", async () => {
    const dataDir = join(workDir, "embedded");
    const embeddedEnv = {
      ...process.env,
      DATA_DIR: dataDir,
      DATABASE_URL: "",
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      REDIS_URL: "",
    };
    const config = { ...readConfig(embeddedEnv), argon2: cheapArgon2 };
    let running = await startServer(config, { logger: false });
    const m = await member(running.url, "Odile");
    const busy = await usher(embeddedEnv, "accounts", "find", m.email);
    expect(busy.code).toBe(1);
    expect(busy.stderr).toContain("is in use by a running Usher: stop it first");
    await running.close();

    const locked = await usher(embeddedEnv, "accounts", "lock", m.email, "--reason", "Reported stolen", "--operator", "Dana");
    expect(locked.code, locked.stderr).toBe(0);
    running = await startServer(config, { logger: false });
    try {
      const refused = await signIn(running.url, m.email);
      expect([refused.status, refused.body.error.code]).toEqual([403, "ACCOUNT_LOCKED"]);
      expect((await api(running.url, "GET", "/api/v1/me", undefined, m.token)).status).toBe(401);
    } finally {
      await running.close();
    }
  });
});
