// Route tests for the platform's services: token introspection (RFC 7662) and revocation
// (RFC 7009). Every inactive case answers exactly {"active":false}; every client
// authentication failure answers 401 {"error":"invalid_client"}; a revoked, expired or
// signed-out token is inactive on the very next call.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type Device, errorCode, nextIp, type TestApp, uniqueEmail, withoutPerIpLimits } from "../../../test/helper";
import { days, minutes } from "../../core/clock";
import { cryptoRandom } from "../../core/crypto/random";
import { addServiceClient, newServiceSecret, rotateServiceSecret, secretDigest } from "../../core/services/service-clients";

let t: TestApp;
const playbackSecret = newServiceSecret(cryptoRandom);
const catalogueSecret = newServiceSecret(cryptoRandom);
const playback = { id: "playback", secret: playbackSecret };
const catalogue = { id: "catalogue", secret: catalogueSecret };

beforeAll(async () => {
  t = await buildTestApp({
    config: (config) => ({
      ...withoutPerIpLimits(config),
      limits: { ...withoutPerIpLimits(config).limits, servicePerClient: { limit: 1_000, windowMs: minutes(1) } },
      services: {
        ...config.services,
        clients: [
          { id: playback.id, name: "Playback API", secretDigest: secretDigest(playbackSecret) },
          { id: catalogue.id, name: "Catalogue", secretDigest: secretDigest(catalogueSecret) },
        ],
      },
    }),
  });
  t.logs.remember(playbackSecret);
  t.logs.remember(catalogueSecret);
});

afterAll(async () => {
  await t?.close();
});

const basic = ({ id, secret }: { id: string; secret: string }) =>
  `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString("base64")}`;

function post(url: string, form: Record<string, string>, headers: Record<string, string> = {}) {
  return t.app.inject({
    method: "POST",
    url,
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    payload: new URLSearchParams(form).toString(),
  });
}

const introspect = (token: string, client: { id: string; secret: string } | null = playback) =>
  post("/oauth/introspect", { token }, client ? { authorization: basic(client) } : {});

async function phoneViewer(): Promise<{ email: string; browser: Device; phone: Device }> {
  const email = uniqueEmail("services");
  const browser = t.browser({ ip: nextIp() });
  expect((await browser.signUp(email)).statusCode).toBe(201);
  const phone = t.phoneApp({ name: "Living-room phone", ip: nextIp() });
  expect((await phone.signIn(email)).statusCode).toBe(200);
  return { email, browser, phone };
}

describe("POST /oauth/introspect", () => {
  it("answers a live app token's account, session, times, device, plan, assurance and profile, never cached", async () => {
    const { phone } = await phoneViewer();
    const profiles = (await phone.get("/api/v1/profiles")).json().profiles;
    expect((await phone.post(`/api/v1/profiles/${profiles[0].id}/choose`, {})).statusCode).toBe(200);
    const me = (await phone.get("/api/v1/me")).json();

    const response = await introspect(phone.sessionToken!);
    expect(response.statusCode).toBe(200);
    expect(response.headers["cache-control"]).toBe("no-store");
    const claims = response.json();
    const [session] = await t.query<{ id: string; created_at: Date; expires_at: Date; authenticated_at: Date }>(
      sql`select id, created_at, expires_at, authenticated_at from session where id = ${phone.sessionToken!.split(".")[0]}`,
    );
    const seconds = (at: Date | string) => Math.floor(new Date(at).getTime() / 1000);
    expect(claims).toEqual({
      active: true,
      sub: me.account.id,
      sid: session!.id,
      exp: seconds(session!.expires_at),
      iat: seconds(session!.created_at),
      auth_time: seconds(session!.authenticated_at),
      token_type: "Bearer",
      aal: 1,
      plan: "standard",
      device: { kind: "mobile", name: "Living-room phone" },
      profile: { id: profiles[0].id, name: profiles[0].name, kids: false, max_rating: "18+", restricted_titles: [] },
    });
  });

  it("accepts the browser session cookie's value, as a service behind the site's gateway receives it", async () => {
    const { browser } = await phoneViewer();
    const claims = (await introspect(browser.sessionToken!)).json();
    expect(claims).toMatchObject({ active: true, device: { kind: "web" }, profile: null });
  });

  it("answers exactly {active:false} for unknown, malformed, forged, other kinds of token and empty-looking ones", async () => {
    const { browser, phone } = await phoneViewer();
    const [id] = phone.sessionToken!.split(".");
    const deviceCredential = browser.cookies.get("__Host-usher_device") ?? "";
    const inactive = [
      "not-a-token",
      `${"A".repeat(22)}.${"B".repeat(43)}`,
      `${id}.${"B".repeat(43)}`,
      `${phone.sessionToken!} `,
      `Bearer ${phone.sessionToken!}`,
      deviceCredential,
      "\u0000",
      "x".repeat(8_000),
    ].filter((token) => token.length > 0);
    for (const token of inactive) {
      const response = await introspect(token);
      expect(response.statusCode, token).toBe(200);
      expect(response.body, token).toBe('{"active":false}');
      expect(response.headers["cache-control"]).toBe("no-store");
    }
  });

  it("turns inactive on the very next call once the device is signed out, signed out of everything, or expires", async () => {
    const signedOut = await phoneViewer();
    expect((await introspect(signedOut.phone.sessionToken!)).json().active).toBe(true);
    expect((await signedOut.phone.post("/api/v1/auth/sign-out", {})).statusCode).toBe(204);
    expect((await introspect(signedOut.phone.sessionToken!)).body).toBe('{"active":false}');

    const everywhere = await phoneViewer();
    const phoneToken = everywhere.phone.sessionToken!;
    expect((await introspect(phoneToken)).json().active).toBe(true);
    expect((await everywhere.browser.post("/api/v1/sessions/sign-out-all", {})).statusCode).toBe(200);
    expect((await introspect(phoneToken)).body).toBe('{"active":false}');
    expect((await introspect(everywhere.browser.sessionToken ?? phoneToken)).body).toBe('{"active":false}');

    const idle = await phoneViewer();
    t.clock.advance(days(31));
    expect((await introspect(idle.phone.sessionToken!)).body).toBe('{"active":false}');
  });

  it("keeps a session used only through services alive: last_seen_at moves, the device's address stays", async () => {
    const { phone } = await phoneViewer();
    const id = phone.sessionToken!.split(".")[0]!;
    const read = async () =>
      (
        await t.query<{ last_seen_at: Date; expires_at: Date; ip: string }>(
          sql`select last_seen_at, expires_at, ip from session where id = ${id}`,
        )
      )[0]!;
    const before = await read();
    t.clock.advance(days(20));
    expect((await introspect(phone.sessionToken!)).json().active).toBe(true);
    const after = await read();
    expect(new Date(after.last_seen_at).getTime()).toBe(t.clock.now().getTime());
    expect(new Date(after.expires_at).getTime()).toBeGreaterThan(new Date(before.expires_at).getTime());
    expect(after.ip).toBe(before.ip);
    // 20 more days: idle for 40 days in all, but seen by a service 20 days ago.
    t.clock.advance(days(20));
    expect((await introspect(phone.sessionToken!)).json().active).toBe(true);
  });

  it("refuses every client authentication failure with 401 invalid_client and a Basic challenge", async () => {
    const { phone } = await phoneViewer();
    const token = phone.sessionToken!;
    const failures: Array<Record<string, string>> = [
      {},
      { authorization: basic({ id: playback.id, secret: catalogueSecret }) },
      { authorization: basic({ id: "nobody", secret: playbackSecret }) },
      { authorization: basic({ id: playback.id, secret: "" }) },
      { authorization: `Bearer ${token}` },
      { authorization: "Basic !!!not-base64" },
      { authorization: `Basic ${Buffer.from("playback").toString("base64")}` },
      { authorization: `Basic ${Buffer.from(`playback:%E0%A4%A${playbackSecret}`).toString("base64")}` },
    ];
    for (const headers of failures) {
      const response = await post("/oauth/introspect", { token }, headers);
      expect(response.statusCode, JSON.stringify(headers)).toBe(401);
      expect(response.body).toBe('{"error":"invalid_client"}');
      expect(response.headers["www-authenticate"]).toBe('Basic realm="usher", charset="UTF-8"');
    }
  });

  it("answers invalid_request for a body that is not a form or has no token", async () => {
    const json = await t.app.inject({
      method: "POST",
      url: "/oauth/introspect",
      headers: { authorization: basic(playback), "content-type": "application/json" },
      payload: JSON.stringify({ token: "x" }),
    });
    expect(json.statusCode).toBe(400);
    expect(json.json().error).toBe("invalid_request");
    const missing = await post("/oauth/introspect", {}, { authorization: basic(playback) });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toBe("invalid_request");
  });

  it("authenticates clients the CLI stored, and follows rotation and removal once the node's short cache lapses", async () => {
    const { phone } = await phoneViewer();
    const added = await addServiceClient(t.core, { id: "recommendations", name: "Recommendations" });
    if (!added.ok) throw new Error("not added");
    t.logs.remember(added.secret);
    const old = { id: "recommendations", secret: added.secret };
    expect((await introspect(phone.sessionToken!, old)).json().active).toBe(true);

    const rotated = await rotateServiceSecret(t.core, "recommendations");
    if (!rotated.ok) throw new Error("not rotated");
    t.logs.remember(rotated.secret);
    const fresh = { id: "recommendations", secret: rotated.secret };
    // The new secret works at once; the old one, already verified, only until the node's memory of it lapses.
    expect((await introspect(phone.sessionToken!, fresh)).json().active).toBe(true);
    expect((await introspect(phone.sessionToken!, old)).json().active).toBe(true);
    t.clock.advance(t.core.config.services.clientCacheMs + 1);
    expect((await introspect(phone.sessionToken!, old)).statusCode).toBe(401);
    expect((await introspect(phone.sessionToken!, fresh)).json().active).toBe(true);

    expect(await t.core.stores.serviceClients.remove("recommendations")).toBe(true);
    t.clock.advance(t.core.config.services.clientCacheMs + 1);
    expect((await introspect(phone.sessionToken!, fresh)).statusCode).toBe(401);
  });
});

describe("POST /oauth/revoke", () => {
  it("lets a service sign a device out by its token: refused on its next request, inactive, in the account's activity", async () => {
    const { browser, phone } = await phoneViewer();
    const response = await post(
      "/oauth/revoke",
      { token: phone.sessionToken!, token_type_hint: "access_token" },
      { authorization: basic(playback) },
    );
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe("");
    expect(errorCode(await phone.get("/api/v1/me"))).toBe("SESSION_REVOKED");
    expect((await introspect(phone.sessionToken!)).body).toBe('{"active":false}');
    // The browser stays signed in, and sees the sign-out in its activity.
    expect((await browser.get("/api/v1/me")).statusCode).toBe(200);
    const activity = (await browser.get("/api/v1/account/activity")).json();
    expect(activity.events.map((event: { type: string }) => event.type)).toContain("signed_out");
  });

  it("lets a registered app sign itself out by client_id, and answers 200 for tokens there is nothing to revoke", async () => {
    const { phone } = await phoneViewer();
    const token = phone.sessionToken!;
    expect((await post("/oauth/revoke", { token, client_id: "usher-phone" })).statusCode).toBe(200);
    expect(errorCode(await phone.get("/api/v1/me"))).toBe("SESSION_REVOKED");
    for (const nothing of [token, "not-a-token", `${"A".repeat(22)}.${"B".repeat(43)}`]) {
      const again = await post("/oauth/revoke", { token: nothing, client_id: "usher-phone" });
      expect(again.statusCode).toBe(200);
    }
  });

  it("refuses unknown clients, wrong secrets and anonymous calls with 401 invalid_client, revoking nothing", async () => {
    const { phone } = await phoneViewer();
    const token = phone.sessionToken!;
    for (const [form, headers] of [
      [{ token }, {}],
      [{ token, client_id: "acme-unknown" }, {}],
      [{ token }, { authorization: basic({ id: playback.id, secret: catalogueSecret }) }],
      [{ token, client_id: "usher-phone" }, { authorization: basic({ id: "usher-phone", secret: "guess" }) }],
    ] as Array<[Record<string, string>, Record<string, string>]>) {
      const response = await post("/oauth/revoke", form, headers);
      expect(response.statusCode).toBe(401);
      expect(response.body).toBe('{"error":"invalid_client"}');
    }
    expect((await phone.get("/api/v1/me")).statusCode).toBe(200);
  });
});

describe("throttling", () => {
  it("slows a runaway service with 429 and Retry-After while other services go on", async () => {
    const { phone } = await phoneViewer();
    const token = phone.sessionToken!;
    const busy = { id: "busy", secret: newServiceSecret(cryptoRandom) };
    t.logs.remember(busy.secret);
    const app = await buildTestApp({
      config: (config) => ({
        ...config,
        limits: { ...config.limits, servicePerClient: { limit: 3, windowMs: minutes(1) } },
        services: {
          ...config.services,
          clients: [
            { id: busy.id, name: "Busy", secretDigest: secretDigest(busy.secret) },
            { id: playback.id, name: "Playback", secretDigest: secretDigest(playbackSecret) },
          ],
        },
      }),
    });
    try {
      const ask = (client: { id: string; secret: string }) =>
        app.app.inject({
          method: "POST",
          url: "/oauth/introspect",
          headers: { "content-type": "application/x-www-form-urlencoded", authorization: basic(client) },
          payload: new URLSearchParams({ token }).toString(),
        });
      for (let i = 0; i < 3; i++) expect((await ask(busy)).statusCode).toBe(200);
      const refused = await ask(busy);
      expect(refused.statusCode).toBe(429);
      expect(refused.json().error).toBe("slow_down");
      expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
      expect((await ask(playback)).statusCode).toBe(200);
      app.clock.advance(minutes(1));
      expect((await ask(busy)).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});
