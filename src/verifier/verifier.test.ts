// The verifier against a stand-in for Usher over real sockets on 127.0.0.1: a WebSocket server
// speaking the session-change protocol and an introspection endpoint with canned answers. The
// verifier's monotonic clock is the test's, so leases lapse when the test says, with no timer.
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type WebSocket, WebSocketServer } from "ws";
import { UsherUnavailableError } from "./introspection.js";
import { CLOSE_NOT_LISTENING, parseVerifierMessage, type UsherMessage, type VerifierMessage } from "./protocol.js";
import { createSessionVerifier, type SessionVerifier, type SessionVerifierOptions } from "./verifier.js";

const CLIENT_ID = "playback";
const CLIENT_SECRET = "s3cret:with/odd&chars";
const BASIC = `Basic ${Buffer.from(`playback:${encodeURIComponent(CLIENT_SECRET)}`).toString("base64")}`;
const TOKEN = "sess_jo.0123456789abcdefghijklmnopqrstuvwxyz";
const OTHER_TOKEN = "sess_sam.zyxwvutsrqponmlkjihgfedcba9876543210";
const SIGNED_OUT_TOKEN = "sess_gone.abcdefabcdefabcdefabcdefabcdef";
const LEASE_MS = 10_000;

const activeAnswer = (account: string, sid: string) => ({
  active: true,
  sub: account,
  sid,
  exp: Math.floor(Date.now() / 1000) + 3_600,
  iat: Math.floor(Date.now() / 1000) - 60,
  auth_time: Math.floor(Date.now() / 1000) - 60,
  token_type: "Bearer",
  aal: 1,
  plan: "standard",
  device: { kind: "mobile", name: "Jo's phone" },
  profile: { id: "prof_1", name: "Jo", kids: false, max_rating: "18+", restricted_titles: [] },
});
const claimsOf = ({ active: _active, token_type: _type, ...claims }: ReturnType<typeof activeAnswer>) => claims;

interface Reply {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

/** Usher's part: introspection and the subscription, with knobs for each test. */
class FakeUsher {
  readonly answers = new Map<string, object>([
    [TOKEN, activeAnswer("acc-jo", "sid-jo")],
    [OTHER_TOKEN, activeAnswer("acc-sam", "sid-sam")],
  ]);
  introspections = 0;
  connections = 0;
  /** Every message verifiers sent, in order. */
  readonly received: VerifierMessage[] = [];
  epoch = "e1";
  leaseMs = LEASE_MS;
  answerRenewals = true;
  /** Subscriptions are refused (503) while set. */
  refuseSubscriptions = false;
  /** Replaces the canned answers when set. */
  reply: ((token: string) => Reply) | null = null;
  #gate: Promise<void> = Promise.resolve();
  #socket: WebSocket | null = null;
  readonly server: Server;
  readonly #wss = new WebSocketServer({ noServer: true });

  constructor(readonly hello: { entryMs: number; renewMs: number } = { entryMs: 300_000, renewMs: 60_000 }) {
    this.server = createServer((req, res) => {
      if (req.method !== "POST" || req.url !== "/oauth/introspect") return void res.writeHead(404).end();
      let body = "";
      req.on("data", (chunk) => {
        body += chunk;
      });
      req.on("end", async () => {
        this.introspections += 1;
        if (req.headers.authorization !== BASIC) {
          return void res.writeHead(401, { "content-type": "application/json" }).end('{"error":"invalid_client"}');
        }
        const token = new URLSearchParams(body).get("token") ?? "";
        await this.#gate;
        const reply = this.reply?.(token) ?? { status: 200, body: JSON.stringify(this.answers.get(token) ?? { active: false }) };
        res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers }).end(reply.body);
      });
    });
    this.server.on("upgrade", (req, socket, head) => {
      if (req.url !== "/oauth/session-changes" || req.headers.authorization !== BASIC) {
        return void socket.end("HTTP/1.1 401 Unauthorized\r\nconnection: close\r\ncontent-length: 0\r\n\r\n");
      }
      if (this.refuseSubscriptions)
        return void socket.end("HTTP/1.1 503 Service Unavailable\r\nconnection: close\r\ncontent-length: 0\r\n\r\n");
      this.#wss.handleUpgrade(req, socket, head, (ws) => this.#subscribed(ws));
    });
  }

  async listen(): Promise<string> {
    this.server.listen(0, "127.0.0.1");
    await once(this.server, "listening");
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Introspection answers wait until the returned function is called. */
  hold(): () => void {
    let release!: () => void;
    this.#gate = new Promise((resolve) => {
      release = resolve;
    });
    return release;
  }

  push(message: UsherMessage | string): void {
    this.#socket?.send(typeof message === "string" ? message : JSON.stringify(message));
  }

  /** Ends the current subscription from Usher's side. */
  endSubscription(code = 1001): void {
    this.#socket?.close(code);
  }

  async close(): Promise<void> {
    for (const client of this.#wss.clients) client.terminate();
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  #subscribed(ws: WebSocket): void {
    this.connections += 1;
    this.#socket = ws;
    ws.on("message", (data) => {
      const message = parseVerifierMessage(String(data));
      if (!message) throw new Error(`the verifier sent ${String(data)}`);
      this.received.push(message);
      if (message.type === "renew" && this.answerRenewals) {
        ws.send(JSON.stringify({ type: "lease", id: message.id, ms: this.leaseMs, epoch: this.epoch }));
      }
    });
    ws.send(JSON.stringify({ type: "hello", ...this.hello }));
  }
}

let clock = 1_000;
const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startUsher(hello?: { entryMs: number; renewMs: number }): Promise<FakeUsher & { url: string }> {
  const usher = new FakeUsher(hello);
  const url = await usher.listen();
  cleanups.push(() => usher.close());
  return Object.assign(usher, { url });
}

function startVerifier(url: string, options: Partial<SessionVerifierOptions> = {}): SessionVerifier {
  const verifier = createSessionVerifier({ url, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, now: () => clock, ...options });
  cleanups.push(() => verifier.close());
  return verifier;
}

/** A verifier holding a lease from a fresh Usher. */
async function warmVerifier(hello?: { entryMs: number; renewMs: number }, options: Partial<SessionVerifierOptions> = {}) {
  const usher = await startUsher(hello);
  const verifier = startVerifier(usher.url, options);
  await verifier.ready();
  return { usher, verifier };
}

async function closedPortUrl(): Promise<string> {
  const server = createServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

const jo = claimsOf(activeAnswer("acc-jo", "sid-jo"));

describe("createSessionVerifier", () => {
  it("answers from Usher, then from its cache while the lease is fresh", async () => {
    const { usher, verifier } = await warmVerifier();
    expect(await verifier.verify(TOKEN)).toEqual({
      ...jo,
      exp: expect.any(Number),
      iat: expect.any(Number),
      auth_time: expect.any(Number),
    });
    expect(await verifier.verify(TOKEN)).toMatchObject({ sub: "acc-jo", sid: "sid-jo", plan: "standard" });
    expect(await verifier.verify(SIGNED_OUT_TOKEN)).toBeNull();
    expect(await verifier.verify(SIGNED_OUT_TOKEN)).toBeNull();
    expect(usher.introspections).toBe(2);
    expect(verifier.status()).toEqual({ subscribed: true, leaseFresh: true, cached: { live: 1, inactive: 1 }, epoch: "e1" });
  });

  it("asks Usher again once the lease has lapsed on its clock, though no timer ran", async () => {
    const { usher, verifier } = await warmVerifier();
    await verifier.verify(TOKEN);
    // The renewal went out at `clock`: the lease ends LEASE_MS later, whenever the answer came.
    clock += LEASE_MS - 1;
    await verifier.verify(TOKEN);
    expect(usher.introspections).toBe(1);
    clock += 1;
    expect(verifier.status().leaseFresh).toBe(false);
    expect(await verifier.verify(TOKEN)).toMatchObject({ sub: "acc-jo" });
    expect(await verifier.verify(TOKEN)).toMatchObject({ sub: "acc-jo" });
    expect(usher.introspections).toBe(3);
  });

  it("drops an account's answers on a change and acknowledges the change at once", async () => {
    const { usher, verifier } = await warmVerifier();
    await verifier.verify(TOKEN);
    await verifier.verify(OTHER_TOKEN);
    usher.push({ type: "change", n: 1, account: "acc-jo" });
    await vi.waitFor(() => expect(usher.received).toContainEqual({ type: "ack", n: 1 }));
    // Renewals are a minute apart here: the acknowledgement did not wait for one.
    expect(usher.received.filter((message) => message.type === "renew")).toHaveLength(1);
    expect(verifier.status().cached.live).toBe(1);
    await verifier.verify(TOKEN);
    expect(usher.introspections).toBe(3);
    await verifier.verify(OTHER_TOKEN);
    expect(usher.introspections).toBe(3);
  });

  it("renews with the last change applied", async () => {
    const { usher } = await warmVerifier({ entryMs: 300_000, renewMs: 20 });
    expect(usher.received[0]).toEqual({ type: "renew", id: expect.any(Number), applied: 0 });
    usher.push({ type: "change", n: 1, account: "acc-jo" });
    usher.push({ type: "change", n: 2, account: "acc-sam" });
    await vi.waitFor(() => expect(usher.received).toContainEqual({ type: "renew", id: expect.any(Number), applied: 2 }));
    const acks = usher.received.filter((message) => message.type === "ack");
    expect(acks).toEqual([
      { type: "ack", n: 1 },
      { type: "ack", n: 2 },
    ]);
  });

  it("does not remember an answer that a change for its account overtook", async () => {
    const { usher, verifier } = await warmVerifier();
    const release = usher.hold();
    const answer = verifier.verify(TOKEN);
    await vi.waitFor(() => expect(usher.introspections).toBe(1));
    usher.push({ type: "change", n: 1, account: "acc-jo" });
    await vi.waitFor(() => expect(usher.received).toContainEqual({ type: "ack", n: 1 }));
    release();
    // True when Usher gave it, so its caller gets it; but not remembered.
    expect(await answer).toMatchObject({ sub: "acc-jo" });
    expect(verifier.status().cached.live).toBe(0);
    await verifier.verify(TOKEN);
    expect(usher.introspections).toBe(2);
  });

  it("does not hand a caller arriving after a change the answer of a fill started before it", async () => {
    const { usher, verifier } = await warmVerifier();
    const release = usher.hold();
    const before = verifier.verify(TOKEN);
    await vi.waitFor(() => expect(usher.introspections).toBe(1));
    usher.push({ type: "change", n: 1, account: "acc-jo" });
    await vi.waitFor(() => expect(usher.received).toContainEqual({ type: "ack", n: 1 }));
    const after = verifier.verify(TOKEN);
    await vi.waitFor(() => expect(usher.introspections).toBe(2));
    release();
    await Promise.all([before, after]);
    // The fill started after the change is remembered.
    await verifier.verify(TOKEN);
    expect(usher.introspections).toBe(2);
  });

  it("does not remember an answer fetched under an epoch that has since changed", async () => {
    const { usher, verifier } = await warmVerifier({ entryMs: 300_000, renewMs: 20 });
    await verifier.verify(OTHER_TOKEN);
    const release = usher.hold();
    const answer = verifier.verify(TOKEN);
    await vi.waitFor(() => expect(usher.introspections).toBe(2));
    usher.epoch = "e2";
    await vi.waitFor(() => expect(verifier.status().epoch).toBe("e2"));
    // Everything from the old epoch is gone, before the new lease was extended.
    expect(verifier.status().cached).toEqual({ live: 0, inactive: 0 });
    release();
    expect(await answer).toMatchObject({ sub: "acc-jo" });
    await verifier.verify(TOKEN);
    expect(usher.introspections).toBe(3);
    await verifier.verify(TOKEN);
    expect(usher.introspections).toBe(3);
  });

  it("starts each new subscription empty, and warns once when one ends", async () => {
    const warnings: Array<{ message: string; details?: object }> = [];
    const { usher, verifier } = await warmVerifier(undefined, {
      logger: { warn: (message, details) => warnings.push({ message, details }) },
    });
    await verifier.verify(TOKEN);
    usher.endSubscription(CLOSE_NOT_LISTENING);
    await vi.waitFor(() => expect(verifier.status().subscribed).toBe(false));
    expect(verifier.status()).toMatchObject({ leaseFresh: false, cached: { live: 0, inactive: 0 } });
    await vi.waitFor(() => expect(verifier.status()).toMatchObject({ subscribed: true, leaseFresh: true }), { timeout: 3_000 });
    expect(usher.connections).toBe(2);
    await verifier.verify(TOKEN);
    expect(usher.introspections).toBe(2);
    expect(warnings).toEqual([
      { message: expect.stringContaining("subscription"), details: expect.objectContaining({ code: CLOSE_NOT_LISTENING }) },
    ]);
  });

  it("does not remember an answer fetched before the subscription it would be used under", async () => {
    const { usher, verifier } = await warmVerifier();
    usher.refuseSubscriptions = true;
    usher.endSubscription();
    await vi.waitFor(() => expect(verifier.status().subscribed).toBe(false));
    const release = usher.hold();
    const answer = verifier.verify(TOKEN);
    await vi.waitFor(() => expect(usher.introspections).toBe(1));
    // Whatever changed meanwhile reached no subscriber; the next subscription is told nothing of it.
    usher.refuseSubscriptions = false;
    await vi.waitFor(() => expect(verifier.status()).toMatchObject({ subscribed: true, leaseFresh: true }), { timeout: 3_000 });
    release();
    expect(await answer).toMatchObject({ sub: "acc-jo" });
    await verifier.verify(TOKEN);
    expect(usher.introspections).toBe(2);
  });

  it("takes a frame it cannot read as a broken subscription, and subscribes again", async () => {
    const { usher, verifier } = await warmVerifier();
    await verifier.verify(TOKEN);
    usher.push("{not json");
    await vi.waitFor(() => expect(usher.connections).toBe(2), { timeout: 3_000 });
    await vi.waitFor(() => expect(verifier.status().leaseFresh).toBe(true));
    await verifier.verify(TOKEN);
    expect(usher.introspections).toBe(2);
  });

  it("takes a change out of order as a broken subscription, without acknowledging it", async () => {
    const { usher, verifier } = await warmVerifier();
    await verifier.verify(TOKEN);
    usher.push({ type: "change", n: 2, account: "acc-sam" });
    await vi.waitFor(() => expect(usher.connections).toBe(2), { timeout: 3_000 });
    expect(usher.received.filter((message) => message.type === "ack")).toEqual([]);
    await vi.waitFor(() => expect(verifier.status().leaseFresh).toBe(true));
    await verifier.verify(TOKEN);
    expect(usher.introspections).toBe(2);
  });

  it("asks Usher only once for a token many callers ask about at the same time", async () => {
    const { usher, verifier } = await warmVerifier();
    const release = usher.hold();
    const answers = Promise.all(Array.from({ length: 5 }, () => verifier.verify(TOKEN)));
    await vi.waitFor(() => expect(usher.introspections).toBe(1));
    release();
    for (const answer of await answers) expect(answer).toMatchObject({ sub: "acc-jo" });
    expect(usher.introspections).toBe(1);
  });

  it("answers a token that is empty or longer than any Usher issues without asking", async () => {
    const { usher, verifier } = await warmVerifier();
    expect(await verifier.verify("")).toBeNull();
    expect(await verifier.verify("x".repeat(4_097))).toBeNull();
    expect(usher.introspections).toBe(0);
  });

  it("answers from Usher while it has no lease", async () => {
    const usher = await startUsher();
    usher.answerRenewals = false;
    const verifier = startVerifier(usher.url);
    await expect(verifier.ready(50)).rejects.toThrow(/no lease/);
    expect(verifier.status()).toMatchObject({ subscribed: true, leaseFresh: false, epoch: null });
    await verifier.verify(TOKEN);
    await verifier.verify(TOKEN);
    expect(usher.introspections).toBe(2);
  });

  it("stops when closed", async () => {
    const { usher, verifier } = await warmVerifier();
    await verifier.close();
    expect(verifier.status()).toMatchObject({ subscribed: false, leaseFresh: false });
    await expect(verifier.ready()).rejects.toThrow(/closed/);
    await verifier.verify(TOKEN);
    await verifier.verify(TOKEN);
    expect(usher.introspections).toBe(2);
    expect(usher.connections).toBe(1);
  });
});

describe("createSessionVerifier without an answer from Usher", () => {
  async function failure(verifier: SessionVerifier): Promise<UsherUnavailableError> {
    const error = await verifier.verify(TOKEN).then(
      (answer) => {
        throw new Error(`verify answered ${JSON.stringify(answer)}`);
      },
      (error: unknown) => error,
    );
    expect(error).toBeInstanceOf(UsherUnavailableError);
    const unavailable = error as UsherUnavailableError;
    // Nothing about the error holds the token.
    expect(`${unavailable.message} ${unavailable.stack} ${JSON.stringify(unavailable)} ${String(unavailable.cause)}`).not.toContain(TOKEN);
    return unavailable;
  }

  it("throws, never answers null, when Usher cannot be reached", async () => {
    const verifier = startVerifier(await closedPortUrl());
    expect((await failure(verifier)).message).toMatch(/could not reach Usher/);
    expect(verifier.status()).toMatchObject({ subscribed: false, leaseFresh: false });
  });

  it("throws when Usher refuses the service client's credentials", async () => {
    const usher = await startUsher();
    const warnings: object[] = [];
    const verifier = startVerifier(usher.url, {
      clientSecret: "not-the-secret",
      logger: { warn: (_, details = {}) => warnings.push(details) },
    });
    expect((await failure(verifier)).message).toMatch(/refused this service's client credentials/);
    expect(verifier.status().subscribed).toBe(false);
    await vi.waitFor(() =>
      expect(warnings).toEqual([expect.objectContaining({ reason: expect.stringMatching(/refused this service's client credentials/) })]),
    );
  });

  it("throws with Usher's Retry-After when it answers an error", async () => {
    const usher = await startUsher();
    usher.reply = () => ({ status: 429, body: JSON.stringify({ error: "slow_down" }), headers: { "retry-after": "7" } });
    const error = await failure(startVerifier(usher.url));
    expect(error.message).toBe("Usher answered 429 slow_down");
    expect(error.retryAfter).toBe("7");
  });

  it("throws when Usher's error echoes what it was sent, without passing the echo on", async () => {
    const usher = await startUsher();
    usher.reply = (token) => ({ status: 500, body: JSON.stringify({ error: `bad token ${token}` }) });
    expect((await failure(startVerifier(usher.url))).message).toBe("Usher answered 500");
  });

  it("throws when Usher's answer is not one it gives", async () => {
    const usher = await startUsher();
    const jo = activeAnswer("acc-jo", "sid-jo");
    const { max_rating: _rating, ...withoutRating } = jo.profile;
    for (const body of [
      "not json",
      "[]",
      '{"active":"yes"}',
      JSON.stringify({ ...jo, plan: "platinum" }),
      JSON.stringify({ ...jo, profile: withoutRating }),
    ]) {
      usher.reply = () => ({ status: 200, body });
      expect((await failure(startVerifier(usher.url))).message).toMatch(/not one it gives/);
    }
  });

  it("throws when Usher takes longer than the timeout", async () => {
    const usher = await startUsher();
    const release = usher.hold();
    const verifier = startVerifier(usher.url, { timeoutMs: 50 });
    expect((await failure(verifier)).message).toBe("no answer from Usher within 50 ms");
    release();
  });

  it("does not take an earlier failure for an answer: the next call asks again", async () => {
    const { usher, verifier } = await warmVerifier();
    usher.reply = () => ({ status: 503, body: "" });
    await failure(verifier);
    usher.reply = null;
    expect(await verifier.verify(TOKEN)).toMatchObject({ sub: "acc-jo" });
    expect(usher.introspections).toBe(2);
  });
});
