// GET /oauth/session-changes: the verifiers' subscription, over a real WebSocket. Only a
// service client may subscribe; a subscriber is greeted, leased, pushed every change of an
// account and holds up the request that made it until it acknowledges; bad frames end it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { buildTestApp, nextIp, STRONG_PASSWORD, type TestApp, uniqueEmail, withoutPerIpLimits } from "../../../test/helper";
import { cryptoRandom } from "../../core/crypto/random";
import { newServiceSecret, secretDigest } from "../../core/services/service-clients";
import { parseUsherMessage, type UsherMessage } from "../../verifier/protocol";

let t: TestApp;
let url: string;
const secret = newServiceSecret(cryptoRandom);
const basic = (id: string, key: string) => `Basic ${Buffer.from(`${id}:${key}`).toString("base64")}`;

beforeAll(async () => {
  t = await buildTestApp({
    sessionChanges: true,
    config: (config) => ({
      ...withoutPerIpLimits(config),
      services: { ...config.services, clients: [{ id: "playback", name: "Playback API", secretDigest: secretDigest(secret) }] },
    }),
  });
  t.logs.remember(secret);
  url = `${(await t.app.listen({ host: "127.0.0.1", port: 0 })).replace("http", "ws")}/oauth/session-changes`;
});

afterAll(async () => t?.close());

/** A subscriber as a verifier would be, reading Usher's frames one by one. */
class Subscriber {
  readonly socket: WebSocket;
  readonly #queue: UsherMessage[] = [];
  #wake: (() => void) | null = null;
  readonly closed: Promise<number>;

  constructor(authorization = basic("playback", secret)) {
    this.socket = new WebSocket(url, { headers: { authorization } });
    this.socket.on("message", (data) => {
      this.#queue.push(parseUsherMessage(data.toString())!);
      this.#wake?.();
    });
    this.closed = new Promise((resolve) => this.socket.on("close", (code) => resolve(code)));
  }

  async next(): Promise<UsherMessage> {
    while (this.#queue.length === 0) await new Promise<void>((resolve) => (this.#wake = resolve));
    return this.#queue.shift()!;
  }

  send(message: unknown): void {
    this.socket.send(typeof message === "string" ? message : JSON.stringify(message));
  }
}

/** A lease granted for at most a subscriber's 4 s: less when this node's own lease (renewed each
 * second, later under load) ends sooner, since a subscriber never outlives the node leasing it. */
function expectGranted(message: UsherMessage, id: number): void {
  expect(message).toEqual({ type: "lease", id, ms: expect.any(Number), epoch: expect.any(String) });
  const { ms } = message as Extract<UsherMessage, { type: "lease" }>;
  expect(ms).toBeGreaterThan(0);
  expect(ms).toBeLessThanOrEqual(4_000);
}

async function signedInViewer() {
  const browser = t.browser({ ip: nextIp() });
  expect((await browser.signUp(uniqueEmail("changes"), STRONG_PASSWORD)).statusCode).toBe(201);
  return browser;
}

describe("GET /oauth/session-changes", () => {
  it("refuses a subscription without a service client's credentials, before any upgrade", async () => {
    for (const authorization of [undefined, basic("playback", "wrong"), basic("nobody", secret)]) {
      const refused = new WebSocket(url, authorization ? { headers: { authorization } } : {});
      const status = await new Promise<number>((resolve) =>
        refused.on("unexpected-response", (_request, response) => resolve(response.statusCode!)),
      );
      expect(status).toBe(401);
    }
  });

  it("answers a request that is not an upgrade with 426", async () => {
    const response = await fetch(url.replace("ws", "http"), { headers: { authorization: basic("playback", secret) } });
    expect(response.status).toBe(426);
    expect(await response.json()).toEqual({ error: "upgrade_required" });
  });

  // One subscriber for what follows: a closed one's lease would hold up every change until it ends.
  let subscriber: Subscriber;

  it("greets a subscriber with the touch interval and how often to renew, and leases it on request", async () => {
    subscriber = new Subscriber();
    expect(await subscriber.next()).toEqual({ type: "hello", entryMs: t.core.config.sessions.touchIntervalMs, renewMs: 1_000 });
    subscriber.send({ type: "renew", id: 1, applied: 0 });
    expectGranted(await subscriber.next(), 1);
  });

  it("pushes a sign-out and answers it only once the subscriber has acknowledged", async () => {
    const viewer = await signedInViewer();
    const accountId = (await viewer.get("/api/v1/me")).json().account.id;

    let answered = false;
    const signOut = viewer.post("/api/v1/sessions/sign-out-all", {}).then((response) => {
      answered = true;
      return response;
    });
    expect(await subscriber.next()).toEqual({ type: "change", n: 1, account: accountId });
    // Held: the subscriber may still be answering from before the change.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(answered).toBe(false);
    subscriber.send({ type: "ack", n: 1 });
    expect((await signOut).statusCode).toBe(200);
  });

  it("renews no lease while a change pushed to the subscriber is not applied", async () => {
    const viewer = await signedInViewer();
    const signOut = viewer.post("/api/v1/sessions/sign-out-all", {});
    expect(await subscriber.next()).toMatchObject({ type: "change", n: 2 });
    subscriber.send({ type: "renew", id: 2, applied: 1 });
    expect(await subscriber.next()).toMatchObject({ type: "lease", id: 2, ms: 0 });
    subscriber.send({ type: "renew", id: 3, applied: 2 });
    expectGranted(await subscriber.next(), 3);
    expect((await signOut).statusCode).toBe(200);
  });

  it("ends a subscription that sends anything but a protocol message", async () => {
    for (const frame of ["hello", '{"type":"renew","id":-1,"applied":0}', '{"type":"ack"}', "x".repeat(2_000)]) {
      const subscriber = new Subscriber();
      await subscriber.next();
      subscriber.send(frame);
      expect([1008, 1009]).toContain(await subscriber.closed);
    }
  });
});
