// Runs the server the way `npm start` does (embedded database, dev outbox, real HTTP) with
// its log captured at trace level, drives every flow of the foundation through it — including
// failures and malformed input — and then looks for every password, token, code and stored
// hash in the log. The only line allowed to carry a code is the dev outbox's delivery of
// that very text message, which embedded mode exists to print.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readConfig } from "../../src/server/config";
import { logRedactions, type RunningServer, startServer } from "../../src/server/main";
import * as schema from "../../src/store/schema";
import { cheapArgon2, STRONG_PASSWORD } from "../helper";
import { LogCapture } from "../support/log-capture";

const dataDir = mkdtempSync(join(tmpdir(), "usher-logs-"));
const logs = new LogCapture();
let server: RunningServer;

beforeAll(async () => {
  const config = readConfig({ DATA_DIR: dataDir, PORT: "0", PUBLIC_URL: "http://localhost:3000" });
  server = await startServer(
    { ...config, argon2: cheapArgon2 },
    { logger: { level: "trace", redact: logRedactions, stream: logs.stream } },
  );
});

afterAll(async () => {
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A minimal browser: keeps cookies, sends the app's Origin. */
function browser() {
  const jar = new Map<string, string>();
  return async (method: string, path: string, body?: unknown, raw?: string) => {
    const headers: Record<string, string> = { origin: "http://localhost:3000" };
    if (jar.size) headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
    if (body !== undefined || raw !== undefined) headers["content-type"] = "application/json";
    if (body) logs.rememberRequestBody(body);
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers,
      ...(raw !== undefined ? { body: raw } : body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const [name, value] = pair!.split("=");
      logs.remember(value);
      if (value) jar.set(name!, value);
      else jar.delete(name!);
    }
    const text = await response.text();
    const json = text ? JSON.parse(text) : null;
    if (json?.token) logs.remember(json.token);
    return { status: response.status, json };
  };
}

describe("the log", () => {
  it("never carries a password, token, code or hash, through every flow", async () => {
    const web = browser();
    const other = browser();
    const email = "log.check@example.com";
    const newPassword = "amber-lantern-meadow-77";
    expect((await web("POST", "/api/v1/auth/sign-up", { email, password: STRONG_PASSWORD })).status).toBe(201);
    expect((await other("POST", "/api/v1/auth/sign-in", { email, password: "wrong-password-here" })).status).toBe(401);
    expect((await other("POST", "/api/v1/auth/sign-in", { email: "nobody@example.com", password: STRONG_PASSWORD })).status).toBe(401);
    expect((await other("POST", "/api/v1/auth/sign-in", { email, password: STRONG_PASSWORD })).status).toBe(200);
    // Malformed input that carries a password must not echo it anywhere.
    expect((await web("POST", "/api/v1/auth/sign-in", undefined, `{"email":"${email}","password":"${STRONG_PASSWORD}"`)).status).toBe(400);
    logs.secrets.add("typo-password-in-bad-json");
    expect((await web("POST", "/api/v1/auth/sign-in", undefined, `{"password": typo-password-in-bad-json}`)).status).toBe(400);

    const phone = await web("PUT", "/api/v1/account/phone", {
      phone: "+12025550143",
      currentPassword: STRONG_PASSWORD,
      smsOptIn: true,
    });
    expect(phone.status).toBe(200);
    expect((await web("POST", "/api/v1/account/phone/verify", { code: "000000" })).status).toBe(400);
    const code = await deliveredCode();
    logs.codes.add(code);
    expect((await web("POST", "/api/v1/account/phone/verify", { code })).status).toBe(200);

    expect((await web("POST", "/api/v1/account/password", { currentPassword: "not-my-password", newPassword })).status).toBe(403);
    expect((await web("POST", "/api/v1/account/password", { currentPassword: STRONG_PASSWORD, newPassword })).status).toBe(200);
    expect((await other("GET", "/api/v1/account")).status).toBe(401);
    expect((await web("POST", "/api/v1/sessions/sign-out-all")).status).toBe(200);

    for (const hash of await storedHashes()) logs.remember(hash);

    const devOutboxLines = logs.lines.filter((line) => line.includes('"devOutbox":true'));
    expect(devOutboxLines.some((line) => line.includes(code))).toBe(true);
    const leaks = logs.leaks().filter((leak) => !(leak.line.includes('"devOutbox":true') && leak.secret.startsWith(code.slice(0, 3))));
    expect(leaks).toEqual([]);
    // And the dev outbox line carries the code only: no password, token or hash.
    for (const line of devOutboxLines) for (const secret of logs.secrets) expect(line).not.toContain(secret);
    expect(logs.lines.length).toBeGreaterThan(20);
  });
});

async function deliveredCode(): Promise<string> {
  for (let tries = 0; tries < 50; tries++) {
    const line = logs.lines.find((l) => l.includes('"devOutbox":true') && l.includes("+12025550143"));
    const match = line && /code is (\d{6})/.exec(line);
    if (match) return match[1]!;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error("the dev outbox printed no code");
}

async function storedHashes(): Promise<string[]> {
  const { db } = server.database;
  const rows = [
    ...(await db.select({ secret: schema.account.passwordHash }).from(schema.account)),
    ...(await db.select({ secret: schema.session.tokenHash }).from(schema.session)),
    ...(await db.select({ secret: schema.oneTimeCode.codeHash }).from(schema.oneTimeCode)),
  ];
  expect(rows.length).toBeGreaterThan(3);
  return rows.map((row) => row.secret);
}
