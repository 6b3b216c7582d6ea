// Route tests for TV sign-in on the wire (RFC 8628): starting a device authorization, the
// token endpoint's answers while the viewer decides, slow_down and expiry on a moved clock,
// the redemption race, and the TV session that comes out of it.

import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  APP_ORIGIN,
  buildTestApp,
  type Device,
  errorCode,
  nextIp,
  type TestApp,
  uniqueEmail,
  withoutPerIpLimits,
} from "../../../test/helper";
import { TvApp } from "../../../test/support/tv";
import { DEVICE_CODE_GRANT } from "../../contract/schemas/tv-sign-in";
import { days, minutes } from "../../core/clock";
import { defaultOAuthClients } from "../../core/config";

let t: TestApp;

beforeAll(async () => {
  t = await buildTestApp({
    config: (config) => ({
      ...withoutPerIpLimits(config),
      limits: { ...withoutPerIpLimits(config).limits, tvTokenPerIp: { limit: 30, windowMs: minutes(15) } },
      tvSignIn: {
        ...config.tvSignIn,
        clients: [...defaultOAuthClients, { id: "acme-tv", name: "Acme TV", deviceKind: "tv", grantTypes: [DEVICE_CODE_GRANT] }],
      },
    }),
  });
});

afterAll(async () => {
  await t?.close();
});

interface Viewer {
  browser: Device;
  accountId: string;
  profileId: string;
}

async function viewer(): Promise<Viewer> {
  const browser = t.browser({ ip: nextIp() });
  const response = await browser.signUp(uniqueEmail("tv"), undefined, { profileName: "Sam" });
  expect(response.statusCode).toBe(201);
  return { browser, accountId: response.json().account.id, profileId: response.json().profiles[0].id };
}

const tv = () => new TvApp(t, nextIp());

async function tvCodeRows(): Promise<number> {
  const [row] = await t.query<{ count: string | number }>(sql`select count(*) as count from tv_code`);
  return Number(row!.count);
}

describe("authorization server metadata", () => {
  it("names the issuer, both endpoints and the device code grant", async () => {
    const response = await t.app.inject({ method: "GET", url: "/.well-known/oauth-authorization-server" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      issuer: APP_ORIGIN,
      device_authorization_endpoint: `${APP_ORIGIN}/oauth/device_authorization`,
      token_endpoint: `${APP_ORIGIN}/oauth/token`,
      grant_types_supported: [DEVICE_CODE_GRANT],
      token_endpoint_auth_methods_supported: ["none"],
    });
  });
});

describe("POST /oauth/device_authorization", () => {
  it("answers a device code, a user code shown as ABCD-EFGH, the /tv links, 15 minutes and 5 seconds", async () => {
    const response = await tv().authorize();
    expect(response.statusCode).toBe(200);
    expect(response.headers["cache-control"]).toBe("no-store");
    const body = response.json();
    expect(body.device_code).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.user_code).toMatch(/^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$/);
    expect(body).toMatchObject({
      verification_uri: `${APP_ORIGIN}/tv`,
      verification_uri_complete: `${APP_ORIGIN}/tv?code=${body.user_code}`,
      expires_in: 900,
      interval: 5,
    });
  });

  it("stores only the SHA-256 of the device code", async () => {
    const { device_code } = await tv().start();
    const digest = createHash("sha256").update(device_code).digest("hex");
    const rows = await t.query<Record<string, unknown>>(sql`select * from tv_code where device_code_hash = ${digest}`);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows[0])).not.toContain(device_code);
  });

  it("takes requests from any origin: a TV app's page is not the Usher site, and no cookie is read", async () => {
    const headers = { origin: "https://tv-app.example", "sec-fetch-site": "cross-site" };
    const started = await tv().form("/oauth/device_authorization", { client_id: "usher-tv" }, headers);
    expect(started.statusCode).toBe(200);
    const polled = await tv().form(
      "/oauth/token",
      { grant_type: DEVICE_CODE_GRANT, client_id: "usher-tv", device_code: started.json().device_code },
      headers,
    );
    expect(polled.json()).toMatchObject({ error: "authorization_pending" });
  });

  it("refuses unknown clients (401 invalid_client) and clients not registered for the grant, writing nothing", async () => {
    const before = await tvCodeRows();
    const unknown = await new TvApp(t, nextIp(), "nobody").authorize();
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json()).toMatchObject({ error: "invalid_client" });
    const phone = await new TvApp(t, nextIp(), "usher-phone").authorize();
    expect(phone.statusCode).toBe(400);
    expect(phone.json()).toMatchObject({ error: "unauthorized_client" });
    expect(await tvCodeRows()).toBe(before);
  });

  it("answers invalid_request to a missing client_id, a repeated parameter, JSON, or an oversized value", async () => {
    const app = tv();
    const answers = [
      await app.form("/oauth/device_authorization", {}),
      await app.form("/oauth/device_authorization", "client_id=usher-tv&client_id=acme-tv"),
      await t.app.inject({ method: "POST", url: "/oauth/device_authorization", payload: { client_id: "usher-tv" } }),
      await app.form("/oauth/device_authorization", { client_id: "x".repeat(101) }),
    ];
    for (const response of answers) {
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error: "invalid_request" });
      expect(response.headers["cache-control"]).toBe("no-store");
    }
  });

  it("names the device after what the app declares, else after its User-Agent", async () => {
    const owner = await viewer();
    const named = await tv().start({ device_name: "Living-room TV" });
    const lookup = await owner.browser.get(`/api/v1/tv/codes/${named.user_code}`);
    expect(lookup.json().device.name).toBe("Living-room TV");
    const unnamed = await tv().start();
    expect((await owner.browser.get(`/api/v1/tv/codes/${unnamed.user_code}`)).json().device.name).toBe("Usher app on Samsung TV");
  });
});

describe("POST /oauth/token", () => {
  it("answers authorization_pending while the viewer decides, then slow_down when polled too fast (interval +5 s)", async () => {
    const app = tv();
    const { device_code } = await app.start();
    const first = await app.poll(device_code);
    expect(first.statusCode).toBe(400);
    expect(first.json()).toMatchObject({ error: "authorization_pending" });
    expect(first.headers["cache-control"]).toBe("no-store");

    expect((await app.poll(device_code)).json()).toMatchObject({ error: "slow_down" });
    // The interval is now 10 s: 9 s later is still too soon, and it grows to 15 s.
    t.clock.advance(9_000);
    expect((await app.poll(device_code)).json()).toMatchObject({ error: "slow_down" });
    t.clock.advance(14_000);
    expect((await app.poll(device_code)).json()).toMatchObject({ error: "slow_down" });
    t.clock.advance(20_000);
    expect((await app.poll(device_code)).json()).toMatchObject({ error: "authorization_pending" });
  });

  it("answers expired_token once the 15 minutes are over, and the code can no longer be approved", async () => {
    const owner = await viewer();
    const app = tv();
    const flow = await app.start();
    t.clock.advance(minutes(15));
    expect((await app.poll(flow.device_code)).json()).toMatchObject({ error: "expired_token" });
    const approve = await owner.browser.post(`/api/v1/tv/codes/${flow.user_code}/approve`, { profileId: owner.profileId });
    expect(approve.statusCode).toBe(410);
    expect(errorCode(approve)).toBe("TV_CODE_EXPIRED");
  });

  it("answers access_denied when the viewer denies", async () => {
    const owner = await viewer();
    const app = tv();
    const flow = await app.start();
    const denied = await owner.browser.post(`/api/v1/tv/codes/${flow.user_code}/deny`);
    expect(denied.statusCode).toBe(200);
    const response = await app.poll(flow.device_code);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: "access_denied" });
  });

  it("signs the TV in after approval: a Bearer session of kind tv with the chosen profile, listed and revocable", async () => {
    const owner = await viewer();
    const app = tv();
    const flow = await app.start({ device_name: "Living-room TV" });
    expect((await app.poll(flow.device_code)).json()).toMatchObject({ error: "authorization_pending" });
    const approve = await owner.browser.post(`/api/v1/tv/codes/${flow.user_code}/approve`, { profileId: owner.profileId });
    expect(approve.statusCode).toBe(200);

    const token = await app.poll(flow.device_code);
    expect(token.statusCode).toBe(200);
    expect(token.headers["cache-control"]).toBe("no-store");
    expect(token.headers.pragma).toBe("no-cache");
    const body = token.json();
    expect(body).toMatchObject({ token_type: "Bearer", expires_in: days(90) / 1000 });
    const bearer = { authorization: `Bearer ${body.access_token}` };

    const me = await t.app.inject({ method: "GET", url: "/api/v1/me", headers: bearer });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ account: { id: owner.accountId } });
    expect(JSON.stringify(me.json())).toContain(owner.profileId);

    const sessions = (await owner.browser.get("/api/v1/sessions")).json().sessions;
    const tvSession = sessions.find((session: { deviceKind: string }) => session.deviceKind === "tv");
    expect(tvSession).toMatchObject({ deviceName: "Living-room TV", profileId: owner.profileId, current: false });

    // The device code is spent.
    expect((await app.poll(flow.device_code)).json()).toMatchObject({ error: "invalid_grant" });

    expect((await owner.browser.delete(`/api/v1/sessions/${tvSession.id}`)).statusCode).toBe(204);
    const after = await t.app.inject({ method: "GET", url: "/api/v1/me", headers: bearer });
    expect(after.statusCode).toBe(401);
    expect(errorCode(after)).toBe("SESSION_REVOKED");
  });

  it("creates exactly one session when twenty polls race for an approved code", async () => {
    const owner = await viewer();
    const app = tv();
    const flow = await app.start();
    await owner.browser.post(`/api/v1/tv/codes/${flow.user_code}/approve`, { profileId: owner.profileId });

    const answers = await Promise.all(Array.from({ length: 20 }, () => app.poll(flow.device_code)));
    expect(answers.filter((response) => response.statusCode === 200)).toHaveLength(1);
    for (const response of answers.filter((r) => r.statusCode !== 200)) {
      expect(response.json()).toMatchObject({ error: "invalid_grant" });
    }
    const tvSessions = await t.query(sql`select id from session where account_id = ${owner.accountId} and device_kind = 'tv'`);
    expect(tvSessions).toHaveLength(1);
  });

  it("refuses other grant types, a missing or unknown device code, and another client's device code", async () => {
    const app = tv();
    const flow = await app.start();
    const other = await app.form("/oauth/token", { grant_type: "password", client_id: "usher-tv" });
    expect(other.json()).toMatchObject({ error: "unsupported_grant_type" });
    expect(other.statusCode).toBe(400);
    expect((await app.form("/oauth/token", { grant_type: DEVICE_CODE_GRANT, client_id: "usher-tv" })).json()).toMatchObject({
      error: "invalid_request",
    });
    expect((await app.poll("A".repeat(43))).json()).toMatchObject({ error: "invalid_grant" });
    expect((await app.poll("not a code")).json()).toMatchObject({ error: "invalid_grant" });
    const acme = new TvApp(t, nextIp(), "acme-tv");
    expect((await acme.poll(flow.device_code)).json()).toMatchObject({ error: "invalid_grant" });
    const unknown = await new TvApp(t, nextIp(), "nobody").poll(flow.device_code);
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json()).toMatchObject({ error: "invalid_client" });
  });

  it("throttles polls per IP with 429 and Retry-After", async () => {
    const app = tv();
    const flow = await app.start();
    for (let i = 0; i < 30; i++) await app.poll(flow.device_code);
    const last = await app.poll(flow.device_code);
    expect(last.statusCode).toBe(429);
    expect(last.headers["retry-after"]).toMatch(/^\d+$/);
    expect(last.json()).toMatchObject({ error: "slow_down" });
  });
});
