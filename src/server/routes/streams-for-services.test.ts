// A platform's playback service does the player's part on behalf of a viewer: its own
// credentials (client_secret_basic) and the viewer's token in Usher-Viewer-Token. The stream is
// the viewer's device's, limited by the plan like any other, and a sign-out ends it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, errorCode, nextIp, type TestApp, uniqueEmail, withoutPerIpLimits } from "../../../test/helper";
import { cryptoRandom } from "../../core/crypto/random";
import { newServiceSecret, secretDigest } from "../../core/services/service-clients";

let t: TestApp;
const secret = newServiceSecret(cryptoRandom);
const TITLE = "the-lantern-keepers";
const basic = (id: string, key: string) => `Basic ${Buffer.from(`${id}:${key}`).toString("base64")}`;
const PLAYBACK = basic("playback", secret);

beforeAll(async () => {
  t = await buildTestApp({
    config: (config) => ({
      ...withoutPerIpLimits(config),
      services: { ...config.services, clients: [{ id: "playback", name: "Playback API", secretDigest: secretDigest(secret) }] },
    }),
  });
  t.logs.remember(secret);
});

afterAll(async () => t?.close());

/** A household on Basic (one screen) with a phone app whose token a playback service carries. */
async function viewer() {
  const email = uniqueEmail("on-behalf");
  const browser = t.browser({ ip: nextIp() });
  expect((await browser.signUp(email)).statusCode).toBe(201);
  expect((await browser.put("/api/v1/account/plan", { plan: "basic" })).statusCode).toBe(200);
  const phone = t.phoneApp({ name: "Sam's phone", ip: "203.0.113.77" });
  expect((await phone.signIn(email)).statusCode).toBe(200);
  return { browser, phone, token: phone.sessionToken! };
}

/** A request from the playback service (its own address), on behalf of `viewerToken`. */
function fromService(method: "POST" | "DELETE" | "GET", url: string, viewerToken: string, authorization = PLAYBACK, body?: object) {
  return t.app.inject({
    method,
    url,
    remoteAddress: "198.51.100.9",
    headers: { authorization, "usher-viewer-token": viewerToken, ...(body ? { "content-type": "application/json" } : {}) },
    ...(body ? { payload: JSON.stringify(body) } : {}),
  });
}

describe("streams on behalf of a viewer", () => {
  it("starts, heartbeats and stops the viewer's device's stream, which the device list shows", async () => {
    const { browser, token } = await viewer();
    const started = await fromService("POST", "/api/v1/streams", token, PLAYBACK, { titleId: TITLE });
    expect(started.statusCode).toBe(201);
    const id = started.json().stream.id;

    const devices = (await browser.get("/api/v1/sessions")).json().sessions as { deviceName: string; ip: string; watching: unknown }[];
    const phone = devices.find((device) => device.deviceName === "Sam's phone")!;
    expect(phone.watching).toMatchObject({ streamId: id, title: { id: TITLE } });
    // The device keeps its own address: the service's is not the viewer's.
    expect(phone.ip).toBe("203.0.113.77");

    expect((await fromService("POST", `/api/v1/streams/${id}/heartbeat`, token)).statusCode).toBe(200);
    expect((await fromService("DELETE", `/api/v1/streams/${id}`, token)).statusCode).toBe(204);
    expect(errorCode(await fromService("POST", `/api/v1/streams/${id}/heartbeat`, token))).toBe("STREAM_ENDED");
  });

  it("counts the service's streams against the plan like the device's own", async () => {
    const { browser, token } = await viewer();
    expect((await fromService("POST", "/api/v1/streams", token, PLAYBACK, { titleId: TITLE })).statusCode).toBe(201);
    const second = await browser.post("/api/v1/streams", { titleId: TITLE });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.watching).toEqual([expect.objectContaining({ device: { kind: "mobile", name: "Sam's phone" } })]);
  });

  it("refuses a viewer's token without the service's own credentials, or with wrong ones, and starts nothing", async () => {
    const { browser, token } = await viewer();
    for (const authorization of [basic("playback", "wrong"), basic("nobody", secret), `Bearer ${token}`, ""]) {
      const response = await fromService("POST", "/api/v1/streams", token, authorization, { titleId: TITLE });
      expect(response.statusCode).toBe(401);
    }
    const devices = (await browser.get("/api/v1/sessions")).json().sessions as { watching: unknown }[];
    expect(devices.every((device) => device.watching === null)).toBe(true);
  });

  it("takes a viewer's token only where a service may act for a viewer", async () => {
    const { token } = await viewer();
    expect((await fromService("GET", "/api/v1/me", token)).statusCode).toBe(401);
    expect((await fromService("POST", "/api/v1/sessions/sign-out-all", token, PLAYBACK, {})).statusCode).toBe(401);
  });

  it("answers a signed-out viewer's token as signed out, and the sign-out has ended the stream", async () => {
    const { browser, token } = await viewer();
    const id = (await fromService("POST", "/api/v1/streams", token, PLAYBACK, { titleId: TITLE })).json().stream.id;
    expect((await browser.post("/api/v1/sessions/sign-out-all", {})).statusCode).toBe(200);
    expect(errorCode(await fromService("POST", `/api/v1/streams/${id}/heartbeat`, token))).toBe("SESSION_REVOKED");
    expect((await fromService("POST", "/api/v1/streams", token, PLAYBACK, { titleId: TITLE })).statusCode).toBe(401);
  });
});
