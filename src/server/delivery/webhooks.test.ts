// Webhooks on the wire: events leave through the outbox, signed by the Standard Webhooks
// scheme, to real HTTP receivers on 127.0.0.1, verified here with the `standardwebhooks`
// library a receiver would use. A receiver that fails is marked failing, retried with the
// same webhook id, and never holds up the others.
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type Device, nextIp, STRONG_PASSWORD, type TestApp, uniqueEmail, withoutPerIpLimits } from "../../../test/helper";
import { type HttpPeer, type PeerRequest, startHttpPeer } from "../../../test/support/http-peer";

const seconds = (n: number) => n * 1000;

import { addWebhookEndpoint } from "../../core/webhooks/endpoints";
import { type WebhookEventType, webhookEventTypes } from "../../core/webhooks/ports";

let t: TestApp;
let everything: HttpPeer;
let revocations: HttpPeer;
const secrets = new Map<string, string>();

async function endpoint(id: string, url: string, eventTypes: WebhookEventType[]): Promise<void> {
  const added = await addWebhookEndpoint(t.core, { id, url, eventTypes });
  if (!added.ok) throw new Error(`endpoint ${id} exists`);
  t.logs.remember(added.secret);
  secrets.set(id, added.secret);
}

beforeAll(async () => {
  t = await buildTestApp({ config: withoutPerIpLimits });
  everything = await startHttpPeer();
  revocations = await startHttpPeer();
  await endpoint("everything", `${everything.url}/hooks`, [...webhookEventTypes]);
  await endpoint("revocations", `${revocations.url}/hooks`, ["session.revoked"]);
});

afterAll(async () => {
  await everything?.close();
  await revocations?.close();
  await t?.close();
});

interface Received {
  id: string;
  type: string;
  data: Record<string, unknown>;
}

/** Verifies a request as a receiver would, and answers what it carried. */
function verified(request: PeerRequest, endpointId: string): Received {
  const headers = Object.fromEntries(
    ["webhook-id", "webhook-timestamp", "webhook-signature"].map((name) => [name, String(request.headers[name])]),
  );
  const body = new Webhook(secrets.get(endpointId)!).verify(request.body, headers) as {
    type: string;
    timestamp: string;
    data: Record<string, unknown>;
  };
  expect(request.headers["content-type"]).toBe("application/json");
  return { id: headers["webhook-id"]!, type: body.type, data: body.data };
}

/** What a receiver got since `mark`, for `accountId`, once everything written so far went out. */
async function receivedSince(peer: HttpPeer, endpointId: string, mark: number, accountId: string): Promise<Received[]> {
  await t.delivered();
  return peer.requests
    .slice(mark)
    .map((request) => verified(request, endpointId))
    .filter((event) => event.data.account_id === accountId);
}

async function household(): Promise<{ browser: Device; phone: Device; accountId: string; email: string }> {
  const email = uniqueEmail("webhooks");
  const browser = t.browser({ ip: nextIp() });
  const signedUp = await browser.signUp(email);
  expect(signedUp.statusCode).toBe(201);
  const phone = t.phoneApp({ ip: nextIp() });
  expect((await phone.signIn(email)).statusCode).toBe(200);
  const accountId = (await browser.get("/api/v1/me")).json().account.id as string;
  return { browser, phone, accountId, email };
}

const sessionIdOf = (device: Device) => device.sessionToken!.split(".")[0];

describe("webhook events", () => {
  it("announces each session that sign-out of all devices ended, signed, to every endpoint that wants it", async () => {
    const { browser, phone, accountId } = await household();
    const marks = [everything.requests.length, revocations.requests.length] as const;
    const sessions = [sessionIdOf(browser), sessionIdOf(phone)].sort();
    expect((await browser.post("/api/v1/sessions/sign-out-all", {})).statusCode).toBe(200);

    for (const [peer, id, mark] of [
      [everything, "everything", marks[0]],
      [revocations, "revocations", marks[1]],
    ] as const) {
      const events = await receivedSince(peer, id, mark, accountId);
      expect(events.map((event) => event.type)).toEqual(["session.revoked", "session.revoked"]);
      expect(events.map((event) => event.data.session_id).sort()).toEqual(sessions);
      for (const event of events) expect(event.data).toMatchObject({ account_id: accountId, reason: "signed_out_all_devices" });
      expect(new Set(events.map((event) => event.id)).size).toBe(2);
      for (const event of events) expect(event.id).toMatch(/^msg_[0-9a-f-]{36}$/);
    }
  });

  it("announces a chosen profile, a changed password and a changed phone number, with ids only", async () => {
    const { browser, phone, accountId } = await household();
    const mark = everything.requests.length;
    const profileId = (await phone.get("/api/v1/profiles")).json().profiles[0].id as string;
    expect((await phone.post(`/api/v1/profiles/${profileId}/choose`, {})).statusCode).toBe(200);
    const changed = await browser.post("/api/v1/account/password", {
      currentPassword: STRONG_PASSWORD,
      newPassword: "lantern-orchard-quiet-77",
      signOutOtherDevices: true,
    });
    expect(changed.statusCode).toBe(200);
    expect(
      (await browser.put("/api/v1/account/phone", { phone: "+12025550147", currentPassword: "lantern-orchard-quiet-77", smsOptIn: false }))
        .statusCode,
    ).toBe(200);

    const events = await receivedSince(everything, "everything", mark, accountId);
    // Sent concurrently: in any order.
    expect(events).toHaveLength(5);
    expect(events.map((event) => [event.type, event.data])).toEqual(
      expect.arrayContaining([
        ["session.claims_changed", { account_id: accountId, session_id: sessionIdOf(phone), changed: ["profile"], profile_id: profileId }],
        ["session.revoked", expect.objectContaining({ account_id: accountId, reason: "password_changed" })],
        ["session.revoked", { account_id: accountId, session_id: sessionIdOf(phone), reason: "password_changed" }],
        ["account.password_changed", { account_id: accountId, change: "changed" }],
        ["account.phone_changed", { account_id: accountId, change: "added" }],
      ]),
    );
    // Nothing personal travels: no address, number, token or code.
    const bodies = everything.requests
      .slice(mark)
      .map((request) => request.body)
      .join("\n");
    expect(bodies).not.toContain("+12025550147");
    expect(bodies).not.toContain("@");
  });
});

describe("a receiver that fails", () => {
  it("is marked failing, never holds up the others, and gets the same webhook again once it answers", async () => {
    const { phone, accountId } = await household();
    const marks = [everything.requests.length, revocations.requests.length] as const;
    everything.answer = { status: 503, body: "{}" };
    try {
      expect((await phone.post("/api/v1/auth/sign-out", {})).statusCode).toBe(204);
      const failed = await receivedSince(everything, "everything", marks[0], accountId);
      expect(failed).toHaveLength(1);
      // The healthy receiver got its copy at once.
      expect(await receivedSince(revocations, "revocations", marks[1], accountId)).toHaveLength(1);
      expect(await t.core.stores.webhookEndpoints.find("everything")).toMatchObject({
        consecutiveFailures: 1,
        failingSince: t.clock.now(),
        lastError: "Error: the receiver answered 503",
      });

      everything.answer = { status: 204, body: "" };
      // Not before its backoff has passed.
      expect(await receivedSince(everything, "everything", marks[0], accountId)).toHaveLength(1);
      t.clock.advance(seconds(31));
      const redelivered = await receivedSince(everything, "everything", marks[0], accountId);
      expect(redelivered).toHaveLength(2);
      expect(redelivered[1]).toEqual(failed[0]);
      expect(await t.core.stores.webhookEndpoints.find("everything")).toMatchObject({
        consecutiveFailures: 0,
        failingSince: null,
        lastError: null,
        lastDeliveredAt: t.clock.now(),
      });
    } finally {
      everything.answer = { status: 200, body: "{}" };
    }
  });

  it("is retried when nothing listens at its address, and a removed endpoint's pending webhooks are dropped", async () => {
    const gone = await startHttpPeer();
    const url = `${gone.url}/hooks`;
    await gone.close();
    await endpoint("gone", url, ["session.revoked"]);
    const { phone } = await household();
    expect((await phone.post("/api/v1/auth/sign-out", {})).statusCode).toBe(204);
    await t.delivered();
    const failing = await t.core.stores.webhookEndpoints.find("gone");
    expect(failing?.consecutiveFailures).toBe(1);
    expect(failing?.lastError).toMatch(/fetch failed|ECONNREFUSED/);

    expect(await t.core.stores.webhookEndpoints.remove("gone")).toBe(true);
    t.clock.advance(seconds(31));
    await t.delivered();
    const due = await t.core.stores.outbox.claimDue(t.clock.now(), t.clock.now(), 100);
    expect(due.filter((message) => message.recipient === "gone")).toEqual([]);
  });
});
