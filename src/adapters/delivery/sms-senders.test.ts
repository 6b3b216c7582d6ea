// The SMS adapters against a local HTTP peer that checks what they send: the webhook's signed
// JSON and the Twilio-compatible form POST with basic auth, and how answers are judged.
import { createHmac } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type HttpPeer, startHttpPeer } from "../../../test/support/http-peer";
import { ManualClock } from "../../core/clock";
import { PermanentDeliveryError } from "../../core/delivery/senders";
import { createTwilioSmsSender } from "./twilio-sms-sender";
import { createWebhookSmsSender } from "./webhook-sms-sender";

let peer: HttpPeer;
beforeAll(async () => {
  peer = await startHttpPeer();
});
afterAll(async () => peer.close());
beforeEach(() => {
  peer.requests.length = 0;
  peer.answer = { status: 200, body: "{}" };
});

const sms = { to: "+14155550100", text: "Your Usher verification code is 123456. It expires in 10 minutes." };

describe("SMS webhook sender", () => {
  const clock = new ManualClock("2026-11-21T10:00:00Z");
  const sender = () => createWebhookSmsSender({ url: `${peer.url}/hooks/sms`, secret: "whsec-test", clock });

  it("POSTs the number and text as JSON, signed with HMAC-SHA-256 over the time and body", async () => {
    await sender().send(sms);

    expect(peer.requests).toHaveLength(1);
    const [request] = peer.requests;
    expect(request).toMatchObject({ method: "POST", path: "/hooks/sms" });
    expect(request!.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(request!.body)).toEqual(sms);
    const t = clock.now().getTime() / 1000;
    const expected = createHmac("sha256", "whsec-test").update(`${t}.${request!.body}`).digest("hex");
    expect(request!.headers["x-usher-signature"]).toBe(`t=${t},v1=${expected}`);
  });

  it("retries on 429 and 5xx, gives up on other 4xx", async () => {
    peer.answer = { status: 503, body: '{"error":"down"}' };
    const busy = await sender()
      .send(sms)
      .catch((e: unknown) => e);
    expect(busy).toBeInstanceOf(Error);
    expect(busy).not.toBeInstanceOf(PermanentDeliveryError);
    expect((busy as Error).message).toBe('SMS webhook answered 503: {"error":"down"}');

    peer.answer = { status: 429, body: "" };
    expect(
      await sender()
        .send(sms)
        .catch((e: unknown) => e),
    ).not.toBeInstanceOf(PermanentDeliveryError);

    peer.answer = { status: 422, body: '{"error":"not a mobile number"}' };
    await expect(sender().send(sms)).rejects.toBeInstanceOf(PermanentDeliveryError);
  });

  it("fails, to be retried, when nobody answers", async () => {
    const closed = createWebhookSmsSender({ url: "http://127.0.0.1:9/sms", secret: "s", clock });
    const error = await closed.send(sms).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(PermanentDeliveryError);
  });
});

describe("Twilio-compatible SMS sender", () => {
  const options = { accountSid: "AC0123456789abcdef", authToken: "twilio-auth-token", from: "+14155550199" };

  it("form-POSTs To, From and Body to the account's Messages.json with basic auth", async () => {
    peer.answer = { status: 201, body: '{"sid":"SM1","status":"queued"}' };
    await createTwilioSmsSender({ ...options, baseUrl: `${peer.url}/` }).send(sms);

    const [request] = peer.requests;
    expect(request).toMatchObject({ method: "POST", path: "/2010-04-01/Accounts/AC0123456789abcdef/Messages.json" });
    expect(request!.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(request!.headers.authorization).toBe(`Basic ${Buffer.from("AC0123456789abcdef:twilio-auth-token").toString("base64")}`);
    expect(Object.fromEntries(new URLSearchParams(request!.body))).toEqual({ To: sms.to, Body: sms.text, From: "+14155550199" });
  });

  it("sends through a messaging service when From is one", async () => {
    await createTwilioSmsSender({ ...options, from: "MG9999", baseUrl: peer.url }).send(sms);
    expect(Object.fromEntries(new URLSearchParams(peer.requests[0]!.body))).toEqual({
      To: sms.to,
      Body: sms.text,
      MessagingServiceSid: "MG9999",
    });
  });

  it("gives up on a refused number (400) and retries on 500", async () => {
    peer.answer = { status: 400, body: '{"code":21211,"message":"Invalid To number"}' };
    await expect(createTwilioSmsSender({ ...options, baseUrl: peer.url }).send(sms)).rejects.toBeInstanceOf(PermanentDeliveryError);
    peer.answer = { status: 500, body: "" };
    const error = await createTwilioSmsSender({ ...options, baseUrl: peer.url })
      .send(sms)
      .catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(PermanentDeliveryError);
  });
});
