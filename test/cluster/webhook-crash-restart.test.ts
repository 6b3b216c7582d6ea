// A webhook is never lost: a real node, with its receiver named in WEBHOOK_ENDPOINTS, commits
// a sign-out, starts posting session.revoked, and is killed (SIGKILL) before the receiver has
// answered. Started again on the same PostgreSQL database, it posts that same webhook (the
// same webhook-id, so the receiver can drop a duplicate) once the claim's lease has run out,
// signed so that the Standard Webhooks library verifies it.
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/databases";
import { productionNodeEnv, startUsherProcess, type UsherProcess } from "../support/usher-process";

const SIGNING_SECRET = `whsec_${randomBytes(32).toString("base64")}`;

interface Posted {
  headers: IncomingHttpHeaders;
  body: string;
}

let database: TestDatabase;
let receiver: Server;
let receiverUrl: string;
/** Phase one: the receiver holds every request and reports it; phase two: it accepts and records. */
let onHeld: ((posted: Posted) => void) | undefined;
const accepted: Posted[] = [];
const children: ChildProcess[] = [];

beforeAll(async () => {
  database = await createTestDatabase("postgres");
  receiver = createServer(async (request, response) => {
    let body = "";
    for await (const chunk of request) body += chunk;
    if (onHeld) return onHeld({ headers: request.headers, body }); // never answered: the node dies waiting
    accepted.push({ headers: request.headers, body });
    response.writeHead(204).end();
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/usher-events`;
}, 60_000);

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null && child.pid) process.kill(child.pid, "SIGKILL");
  receiver?.closeAllConnections();
  await new Promise((resolve) => receiver?.close(resolve));
  await database?.drop();
}, 60_000);

const startNode = (env: NodeJS.ProcessEnv): Promise<UsherProcess> => startUsherProcess("webhook-crash", env, children);

const verify = (posted: Posted) =>
  new Webhook(SIGNING_SECRET).verify(posted.body, {
    "webhook-id": String(posted.headers["webhook-id"]),
    "webhook-timestamp": String(posted.headers["webhook-timestamp"]),
    "webhook-signature": String(posted.headers["webhook-signature"]),
  }) as { type: string; data: Record<string, unknown> };

it("posts a committed session.revoked after the node is killed mid-send and started again", async () => {
  const env = productionNodeEnv(database.url!, {
    WEBHOOK_ENDPOINTS: JSON.stringify([{ id: "playback", url: receiverUrl, secret: SIGNING_SECRET, events: ["session.revoked"] }]),
    // Short, so the test waits seconds rather than the default five minutes.
    OUTBOX_LEASE_SECONDS: "2",
    OUTBOX_POLL_SECONDS: "0.5",
  });

  const first = await startNode(env);
  const signUp = await fetch(`${first.url}/api/v1/auth/sign-up`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: `hooks.${Date.now()}@example.com`, password: "violet-kettle-harbour-42", client: { kind: "mobile" } }),
  });
  expect(signUp.status).toBe(201);
  const { token, session } = (await signUp.json()) as { token: string; session: { id: string } };

  const held = new Promise<Posted>((resolve) => (onHeld = resolve));
  const exited = new Promise((resolve) => first.child.once("exit", (_code, signal) => resolve(signal)));
  const signedOut = await fetch(`${first.url}/api/v1/auth/sign-out`, { method: "POST", headers: { authorization: `Bearer ${token}` } });
  expect(signedOut.status).toBe(204);
  // The receiver has the request but has not answered: the node dies now.
  const interrupted = await held;
  process.kill(first.child.pid!, "SIGKILL");
  expect(await exited).toBe("SIGKILL");
  expect(verify(interrupted)).toMatchObject({ type: "session.revoked", data: { session_id: session.id, reason: "signed_out" } });

  onHeld = undefined;
  const second = await startNode(env);
  const deadline = Date.now() + 30_000;
  while (accepted.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));

  expect(accepted).toHaveLength(1);
  expect(accepted[0]!.headers["webhook-id"]).toBe(interrupted.headers["webhook-id"]);
  expect(verify(accepted[0]!)).toEqual(verify(interrupted));

  const stopped = new Promise((resolve) => second.child.once("exit", resolve));
  process.kill(second.child.pid!, "SIGTERM");
  expect(await stopped).toBe(0);
}, 120_000);
