// TV sign-in through the server exactly as `npm start` runs it (real HTTP, log at trace
// level): device codes, user codes, access tokens and the stored device-code hashes never
// reach the log, whether the flow succeeds or is fed wrong codes.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { DEVICE_CODE_GRANT } from "../../src/contract/schemas/tv-sign-in";
import { readConfig } from "../../src/server/config";
import { logRedactions, type RunningServer, startServer } from "../../src/server/main";
import * as schema from "../../src/store/schema";
import { cheapArgon2, STRONG_PASSWORD } from "../helper";
import { LogCapture } from "../support/log-capture";

const dataDir = mkdtempSync(join(tmpdir(), "usher-tv-logs-"));
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

/** The fields of the OAuth answers this test reads; each answer carries some of them. */
interface OAuthAnswer {
  device_code: string;
  user_code: string;
  verification_uri: string;
  access_token: string;
  error: string;
}

async function form(path: string, params: Record<string, string>) {
  const response = await fetch(`${server.url}${path}`, { method: "POST", body: new URLSearchParams(params) });
  const json = (await response.json()) as OAuthAnswer;
  for (const key of ["device_code", "access_token", "user_code"] as const) if (json[key]) logs.remember(json[key]);
  return { status: response.status, json };
}

it("never logs a device code, user code, access token or device-code hash", async () => {
  const signUp = await fetch(`${server.url}/api/v1/auth/sign-up`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "tv.logs@example.com", password: STRONG_PASSWORD, client: { kind: "mobile" } }),
  });
  const phone = (await signUp.json()) as { token: string; profiles: { id: string }[] };
  logs.remember(phone.token);
  logs.remember(STRONG_PASSWORD);
  const bearer = { authorization: `Bearer ${phone.token}`, "content-type": "application/json" };

  const started = await form("/oauth/device_authorization", { client_id: "usher-tv" });
  expect(started.json.verification_uri).toBe("http://localhost:3000/tv");
  logs.remember(started.json.user_code.replace("-", ""));
  const poll = () => form("/oauth/token", { grant_type: DEVICE_CODE_GRANT, client_id: "usher-tv", device_code: started.json.device_code });
  expect((await poll()).json.error).toBe("authorization_pending");
  expect(
    (await form("/oauth/token", { grant_type: DEVICE_CODE_GRANT, client_id: "usher-tv", device_code: "x".repeat(43) })).json.error,
  ).toBe("invalid_grant");

  expect((await fetch(`${server.url}/api/v1/tv/codes/BBBB-BBBB`, { headers: bearer })).status).toBe(404);
  expect((await fetch(`${server.url}/tv?code=${started.json.user_code}`)).status).toBeLessThan(500);
  const approve = await fetch(`${server.url}/api/v1/tv/codes/${started.json.user_code}/approve`, {
    method: "POST",
    headers: bearer,
    body: JSON.stringify({ profileId: phone.profiles[0]!.id }),
  });
  expect(approve.status).toBe(200);
  const token = await poll();
  expect(token.status).toBe(200);

  const { db } = server.database;
  for (const row of await db.select({ secret: schema.tvCode.deviceCodeHash }).from(schema.tvCode)) logs.remember(row.secret);
  for (const row of await db.select({ secret: schema.session.tokenHash }).from(schema.session)) logs.remember(row.secret);
  expect(logs.lines.length).toBeGreaterThan(10);
  expect(logs.leaks()).toEqual([]);
});
