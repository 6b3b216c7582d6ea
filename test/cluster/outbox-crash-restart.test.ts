// A message is never lost: a real node commits a phone number and its texted code, starts
// sending it to the SMS webhook, and is killed (SIGKILL) before the provider has answered.
// Started again on the same PostgreSQL database, it delivers that same code once its claim's
// lease has run out, and the code then verifies the number.
import type { ChildProcess } from "node:child_process";
import { createHmac, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase, rowsOf, type TestDatabase } from "../support/databases";
import { productionNodeEnv, startUsherProcess, type UsherProcess } from "../support/usher-process";

const PASSWORD = "violet-kettle-harbour-42";
const WEBHOOK_SECRET = randomBytes(16).toString("hex");

interface Texted {
  to: string;
  text: string;
  signature: string;
  body: string;
}

let database: TestDatabase;
let peer: Server;
let peerUrl: string;
/** Phase one: the peer holds every request and reports it; phase two: it accepts and records. */
let onHeld: ((texted: Texted) => void) | undefined;
const accepted: Texted[] = [];
const children: ChildProcess[] = [];

async function readBody(request: IncomingMessage): Promise<string> {
  let body = "";
  for await (const chunk of request) body += chunk;
  return body;
}

beforeAll(async () => {
  database = await createTestDatabase("postgres");
  peer = createServer(async (request, response) => {
    const body = await readBody(request);
    const { to, text } = JSON.parse(body) as { to: string; text: string };
    const texted = { to, text, body, signature: String(request.headers["x-usher-signature"]) };
    if (onHeld) return onHeld(texted); // never answered: the node dies waiting
    accepted.push(texted);
    response.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
  });
  await new Promise<void>((resolve) => peer.listen(0, "127.0.0.1", resolve));
  peerUrl = `http://127.0.0.1:${(peer.address() as AddressInfo).port}/sms`;
}, 60_000);

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null && child.pid) process.kill(child.pid, "SIGKILL");
  peer?.closeAllConnections();
  await new Promise((resolve) => peer?.close(resolve));
  await database?.drop();
}, 60_000);

const startNode = (env: NodeJS.ProcessEnv): Promise<UsherProcess> => startUsherProcess("crash-test", env, children);

async function call(url: string, method: string, path: string, token?: string, body?: unknown) {
  const response = await fetch(`${url}/api/v1${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const outboxRow = async () =>
  (
    await rowsOf<{ attempts: number; sent_at: Date | null; payload: Record<string, unknown> }>(
      database.database.db,
      sql`select attempts, sent_at, payload from outbox where channel = 'sms'`,
    )
  )[0];

it("delivers a committed text message after the node is killed mid-send and started again", async () => {
  const env = productionNodeEnv(database.url!, {
    SMS_WEBHOOK_URL: peerUrl,
    SMS_WEBHOOK_SECRET: WEBHOOK_SECRET,
    // Short, so the test waits seconds rather than the default five minutes.
    OUTBOX_LEASE_SECONDS: "2",
    OUTBOX_POLL_SECONDS: "0.5",
  });

  const first = await startNode(env);
  const signUp = await call(first.url, "POST", "/auth/sign-up", undefined, {
    email: `crash.${Date.now()}@example.com`,
    password: PASSWORD,
    client: { kind: "mobile" },
  });
  expect(signUp.status).toBe(201);
  const token = signUp.body.token as string;

  const killed = new Promise<Texted>((resolve) => {
    onHeld = (texted) => {
      // The provider has the request but has not answered: the node dies now.
      process.kill(first.child.pid!, "SIGKILL");
      resolve(texted);
    };
  });
  const exited = new Promise((resolve) => first.child.once("exit", (_code, signal) => resolve(signal)));
  const added = await call(first.url, "PUT", "/account/phone", token, { phone: "+12025550123", currentPassword: PASSWORD, smsOptIn: true });
  expect(added.status).toBe(200);
  const held = await killed;
  expect(await exited).toBe("SIGKILL");
  expect(await outboxRow()).toMatchObject({ attempts: 1, sent_at: null });

  onHeld = undefined;
  const second = await startNode(env);
  const deadline = Date.now() + 30_000;
  while (accepted.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));

  expect(accepted).toHaveLength(1);
  expect(accepted[0]).toMatchObject({ to: "+12025550123", text: held.text });
  const [, timestamp, mac] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(accepted[0]!.signature)!;
  expect(mac).toBe(createHmac("sha256", WEBHOOK_SECRET).update(`${timestamp}.${accepted[0]!.body}`).digest("hex"));
  // The node marks the message sent once the provider's answer reaches it, a moment after the
  // provider has the request: wait for that, as the delivery above was waited for.
  let sent = await outboxRow();
  while (!sent?.sent_at && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    sent = await outboxRow();
  }
  expect(sent?.attempts).toBe(2);
  expect(sent?.sent_at).not.toBeNull();
  // Production mode: once sent, the code no longer rests in the outbox.
  expect(sent?.payload).toEqual({ code: "[redacted]" });

  // The delivered code is the one the first node committed: it verifies the number.
  const code = /\b(\d{6})\b/.exec(held.text)![1];
  const verified = await call(second.url, "POST", "/account/phone/verify", token, { code });
  expect(verified.status).toBe(200);

  const stopped = new Promise((resolve) => second.child.once("exit", resolve));
  process.kill(second.child.pid!, "SIGTERM");
  expect(await stopped).toBe(0);
}, 120_000);
