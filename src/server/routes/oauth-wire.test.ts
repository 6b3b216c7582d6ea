// Wire compatibility: the TV sign-in flow driven by a standard OAuth client library that
// knows RFC 8628 (openid-client, not our code), against the app listening on 127.0.0.1.
// Discovery reads our RFC 8414 metadata; the library starts the flow and polls on its own.
import { sql } from "drizzle-orm";
import * as oauth from "openid-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type Device, nextIp, type TestApp, uniqueEmail, withoutPerIpLimits } from "../../../test/helper";
import { freePort } from "../../../test/support/free-port";
import { minutes } from "../../core/clock";

let t: TestApp;
let issuer: string;
let config: oauth.Configuration;

beforeAll(async () => {
  const port = await freePort();
  issuer = `http://127.0.0.1:${port}`;
  // A 1-second interval keeps the library's real waits short; the pace itself is tested elsewhere.
  t = await buildTestApp({
    publicUrl: issuer,
    config: (c) => ({ ...withoutPerIpLimits(c), tvSignIn: { ...c.tvSignIn, intervalSec: 1 } }),
  });
  await t.app.listen({ host: "127.0.0.1", port });
  config = await oauth.discovery(new URL(issuer), "usher-tv", undefined, oauth.None(), {
    algorithm: "oauth2",
    execute: [oauth.allowInsecureRequests],
  });
});

afterAll(async () => {
  await t?.close();
});

async function viewer(): Promise<{ browser: Device; profileId: string }> {
  const browser = t.browser({ ip: nextIp() });
  const response = await browser.signUp(uniqueEmail("wire"));
  return { browser, profileId: response.json().profiles[0].id };
}

async function start() {
  const flow = await oauth.initiateDeviceAuthorization(config, {});
  t.logs.remember(flow.device_code);
  t.logs.remember(flow.user_code);
  return flow;
}

/** Waits (briefly, in real time) until the library's first poll has reached the server. */
async function firstPollSeen(userCode: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const [row] = await t.query<{ last_polled_at: unknown }>(
      sql`select last_polled_at from tv_code where user_code = ${userCode.replace("-", "")}`,
    );
    if (row?.last_polled_at) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("the client never polled");
}

describe("TV sign-in with openid-client", () => {
  it("discovers the endpoints from the metadata", () => {
    expect(config.serverMetadata()).toMatchObject({
      issuer,
      device_authorization_endpoint: `${issuer}/oauth/device_authorization`,
      token_endpoint: `${issuer}/oauth/token`,
    });
  });

  it("polls through authorization_pending until the viewer approves, then gets a Bearer token that works", async () => {
    const { browser, profileId } = await viewer();
    const flow = await start();
    expect(flow).toMatchObject({ verification_uri: `${issuer}/tv`, expires_in: 900, interval: 1 });

    const polling = oauth.pollDeviceAuthorizationGrant(config, flow);
    await firstPollSeen(flow.user_code);
    expect((await browser.post(`/api/v1/tv/codes/${flow.user_code}/approve`, { profileId })).statusCode).toBe(200);
    const tokens = await polling;
    t.logs.remember(tokens.access_token);
    expect(tokens.token_type).toBe("bearer");
    expect(tokens.expiresIn()).toBeGreaterThan(0);

    const me = await fetch(`${issuer}/api/v1/me`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ session: { deviceKind: "tv" } });
  });

  it("surfaces access_denied when the viewer denies", async () => {
    const { browser } = await viewer();
    const flow = await start();
    const polling = oauth.pollDeviceAuthorizationGrant(config, flow);
    const outcome = polling.catch((error: unknown) => error);
    await firstPollSeen(flow.user_code);
    await browser.post(`/api/v1/tv/codes/${flow.user_code}/deny`);
    expect(await outcome).toMatchObject({ error: "access_denied", status: 400 });
  });

  it("surfaces expired_token when nobody approves in time", async () => {
    const flow = await start();
    const outcome = oauth.pollDeviceAuthorizationGrant(config, flow).catch((error: unknown) => error);
    await firstPollSeen(flow.user_code);
    t.clock.advance(minutes(15));
    expect(await outcome).toMatchObject({ error: "expired_token" });
  });
});
