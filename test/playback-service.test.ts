// The example playback service (examples/playback-service) in front of a real Usher, over real
// HTTP: it plays to a live session, refuses one signed out elsewhere on its very next request,
// holds back what the profile's parental controls keep out, and answers 503 (neither a play nor
// "signed out") when Usher refuses its credentials or has stopped. Against a stand-in for Usher
// (its catalogue, and answers Usher doesn't give): playback-service-stand-in.test.ts.
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPlaybackService, type PlaybackServiceOptions } from "../examples/playback-service/server";
import { cryptoRandom } from "../src/core/crypto/random";
import { newServiceSecret, secretDigest } from "../src/core/services/service-clients";
import { buildTestApp, nextIp, SESSION_COOKIE, STRONG_PASSWORD, type TestApp, uniqueEmail, withoutPerIpLimits } from "./helper";

let t: TestApp;
let usherUrl: string;
let playbackUrl: string;
const secret = newServiceSecret(cryptoRandom);
const started: FastifyInstance[] = [];

/** A playback service on a free port; its log goes where the test app's log-leak check reads. */
async function startPlayback(options: Partial<PlaybackServiceOptions> = {}): Promise<string> {
  const service = buildPlaybackService({
    usherUrl,
    clientId: "playback",
    clientSecret: secret,
    logger: { level: "info", stream: t.logs.stream },
    ...options,
  });
  started.push(service);
  return service.listen({ host: "127.0.0.1", port: 0 });
}

beforeAll(async () => {
  t = await buildTestApp({
    sessionChanges: true,
    config: (config) => ({
      ...withoutPerIpLimits(config),
      services: { ...config.services, clients: [{ id: "playback", name: "Playback API", secretDigest: secretDigest(secret) }] },
    }),
  });
  t.logs.remember(secret);
  usherUrl = await t.app.listen({ host: "127.0.0.1", port: 0 });
  playbackUrl = await startPlayback();
  // Subscribed and holding a lease before the first request, as a service is soon after it starts.
  while (!((await (await fetch(`${playbackUrl}/healthz`)).json()) as { leaseFresh: boolean }).leaseFresh)
    await new Promise((resolve) => setTimeout(resolve, 20));
});

afterAll(async () => {
  for (const service of started) await service.close();
  await t?.close();
});

const play = (titleId: string, headers: Record<string, string> = {}, base = playbackUrl) => fetch(`${base}/play/${titleId}`, { headers });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** A viewer signed up in a browser (profile "Jo") and signed in on a phone app. */
async function viewer() {
  const email = uniqueEmail("playback");
  const browser = t.browser({ ip: nextIp() });
  expect((await browser.signUp(email, STRONG_PASSWORD, { profileName: "Jo" })).statusCode).toBe(201);
  const phone = t.phoneApp({ name: "Jo's phone", ip: nextIp() });
  expect((await phone.signIn(email)).statusCode).toBe(200);
  return { browser, phone, phoneToken: phone.sessionToken!, cookie: `${SESSION_COOKIE}=${browser.sessionToken!}` };
}

/** Rated 13+, not made for children. */
const TITLE = "the-lantern-keepers";
const TITLE_NOT_FOUND = { error: { code: "TITLE_NOT_FOUND", message: "There is no such title in the catalogue." } };
const TITLE_RESTRICTED = { error: { code: "TITLE_RESTRICTED", message: "This title isn't available on this profile." } };
const playbackStream = (method: "POST" | "DELETE", path: string, token: string, body?: object) =>
  fetch(`${playbackUrl}${path}`, {
    method,
    headers: { ...bearer(token), ...(body ? { "content-type": "application/json" } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });

describe("streams kept with Usher on the viewer's behalf", () => {
  it("starts a stream Usher counts against the plan and shows on the device list, heartbeats it and stops it", async () => {
    const { browser, phoneToken } = await viewer();
    expect((await browser.put("/api/v1/account/plan", { plan: "basic" })).statusCode).toBe(200);

    const started = await playbackStream("POST", "/streams", phoneToken, { titleId: TITLE });
    expect(started.status).toBe(201);
    const { streamId, heartbeatMs } = (await started.json()) as { streamId: string; heartbeatMs: number };
    expect(heartbeatMs).toBe(t.core.config.streams.heartbeatMs);
    const devices = (await browser.get("/api/v1/sessions")).json().sessions as { deviceName: string; watching: unknown }[];
    expect(devices.find((device) => device.deviceName === "Jo's phone")?.watching).toMatchObject({ streamId });

    // Basic has one screen, and the phone holds it.
    const refused = await browser.post("/api/v1/streams", { titleId: TITLE });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.watching).toEqual([expect.objectContaining({ device: { kind: "mobile", name: "Jo's phone" } })]);

    expect((await playbackStream("POST", `/streams/${streamId}/heartbeat`, phoneToken)).status).toBe(200);
    expect((await playbackStream("DELETE", `/streams/${streamId}`, phoneToken)).status).toBe(204);
    const ended = await playbackStream("POST", `/streams/${streamId}/heartbeat`, phoneToken);
    expect(ended.status).toBe(410);
    expect(await ended.json()).toEqual({ error: "stream_ended", reason: "stopped" });
    expect((await browser.post("/api/v1/streams", { titleId: TITLE })).statusCode).toBe(201);
  });

  it("passes on where the account is watching when the plan has no screen free", async () => {
    const { browser, phoneToken } = await viewer();
    expect((await browser.put("/api/v1/account/plan", { plan: "basic" })).statusCode).toBe(200);
    expect((await browser.post("/api/v1/streams", { titleId: TITLE })).statusCode).toBe(201);
    const refused = await playbackStream("POST", "/streams", phoneToken, { titleId: TITLE });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ error: "too_many_streams", watching: [{ title: { id: TITLE } }] });
  });

  it("tells the player its stream was stopped from another device", async () => {
    const { browser, phoneToken } = await viewer();
    const { streamId } = (await (await playbackStream("POST", "/streams", phoneToken, { titleId: TITLE })).json()) as { streamId: string };
    expect((await browser.delete(`/api/v1/streams/${streamId}`)).statusCode).toBe(204);
    const ended = await playbackStream("POST", `/streams/${streamId}/heartbeat`, phoneToken);
    expect(ended.status).toBe(410);
    expect(await ended.json()).toEqual({ error: "stream_ended", reason: "stopped_from_another_device" });
  });

  it("refuses the next heartbeat once the viewer signs out of all devices, and Usher has ended the stream", async () => {
    const { browser, phoneToken } = await viewer();
    const { streamId } = (await (await playbackStream("POST", "/streams", phoneToken, { titleId: TITLE })).json()) as { streamId: string };
    expect((await browser.post("/api/v1/sessions/sign-out-all", {})).statusCode).toBe(200);
    const refused = await playbackStream("POST", `/streams/${streamId}/heartbeat`, phoneToken);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual({ error: "not_signed_in" });
    const [row] = await t.query<{ ended_reason: string }>(sql`select ended_reason from stream where id = ${streamId}`);
    expect(row?.ended_reason).toBe("signed_out");
  });

  it("answers a title Usher does not list with 404, and a bad one with 400, before Usher is asked", async () => {
    const { phoneToken } = await viewer();
    const missing = await playbackStream("POST", "/streams", phoneToken, { titleId: "night-train" });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual(TITLE_NOT_FOUND);
    for (const body of [{}, { titleId: "../x" }, { titleId: 7 }]) {
      expect((await playbackStream("POST", "/streams", phoneToken, body)).status).toBe(400);
    }
  });
});

describe("GET /play/:titleId", () => {
  it("plays to a phone app's bearer token, as its chosen profile, at its plan's quality", async () => {
    const { phone, phoneToken } = await viewer();
    const [jo] = (await phone.get("/api/v1/profiles")).json().profiles;
    expect((await phone.post(`/api/v1/profiles/${jo.id}/choose`, {})).statusCode).toBe(200);

    const response = await play(TITLE, bearer(phoneToken));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({
      titleId: TITLE,
      profile: { id: jo.id, name: "Jo", kids: false, max_rating: "18+", restricted_titles: [] },
      plan: "standard",
      maxQuality: "1080p",
      manifestUrl: `https://cdn.example.invalid/${TITLE}/1080p/manifest.mpd`,
    });
  });

  it("plays to a browser's session cookie, as the site's gateway passes it on", async () => {
    const { cookie } = await viewer();
    const response = await play(TITLE, { cookie: `theme=dark; ${cookie}` });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ titleId: TITLE, profile: null, plan: "standard", maxQuality: "1080p" });
  });

  it("answers from its cache, and refuses the phone on its very next request once the viewer signs out of all devices", async () => {
    const { browser, phoneToken, cookie } = await viewer();
    expect((await play(TITLE, bearer(phoneToken))).status).toBe(200);
    expect((await play(TITLE, { cookie })).status).toBe(200);
    // Both answers are in the service's cache, under a lease: the next requests need not ask Usher.
    const status = (await (await fetch(`${playbackUrl}/healthz`)).json()) as { leaseFresh: boolean; cached: { live: number } };
    expect(status).toMatchObject({ subscribed: true, leaseFresh: true });
    expect(status.cached.live).toBeGreaterThanOrEqual(2);
    expect((await browser.post("/api/v1/sessions/sign-out-all", {})).statusCode).toBe(200);

    for (const headers of [bearer(phoneToken), { cookie }]) {
      const refused = await play(TITLE, headers);
      expect(refused.status).toBe(401);
      expect(refused.headers.get("www-authenticate")).toBe('Bearer error="invalid_token"');
      expect(await refused.json()).toEqual({ error: "not_signed_in" });
    }
  });

  it("refuses a missing or garbage token with 401 and a Bearer challenge", async () => {
    const missing = await play(TITLE);
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toBe("Bearer");
    expect(await missing.json()).toEqual({ error: "not_signed_in" });
    for (const headers of [bearer("garbage"), bearer(`${"A".repeat(22)}.${"B".repeat(43)}`), { cookie: `${SESSION_COOKIE}=garbage` }]) {
      const refused = await play(TITLE, headers);
      expect(refused.status).toBe(401);
      expect(await refused.json()).toEqual({ error: "not_signed_in" });
    }
  });

  it("answers 404 for a title Usher's catalogue doesn't list", async () => {
    const { phoneToken } = await viewer();
    const missing = await play("night-train", bearer(phoneToken));
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual(TITLE_NOT_FOUND);
  });

  it("holds back from a Kids profile every title not made for children, to play and to stream", async () => {
    const { browser, phone, phoneToken } = await viewer();
    const kids = (await browser.post("/api/v1/profiles", { name: "Robin", isKids: true })).json().profile;
    expect((await phone.post(`/api/v1/profiles/${kids.id}/choose`, {})).statusCode).toBe(200);

    // Rated 18+, and 7+ (within a Kids profile's rating) but not made for children.
    for (const titleId of ["orbit-of-ash", "encore-cafe"]) {
      const refused = await play(titleId, bearer(phoneToken));
      expect(refused.status, titleId).toBe(403);
      expect(await refused.json()).toEqual(TITLE_RESTRICTED);
    }
    const stream = await playbackStream("POST", "/streams", phoneToken, { titleId: "encore-cafe" });
    expect(stream.status).toBe(403);
    expect(await stream.json()).toEqual(TITLE_RESTRICTED);
    const allowed = await play("paper-planets", bearer(phoneToken));
    expect(allowed.status).toBe(200);
    expect(((await allowed.json()) as { profile: unknown }).profile).toMatchObject({ id: kids.id, name: "Robin", kids: true });
  });

  it("holds back what a profile's parental controls keep out from its very next request once they change", async () => {
    const { browser, phone, phoneToken } = await viewer();
    const [jo] = (await phone.get("/api/v1/profiles")).json().profiles;
    expect((await phone.post(`/api/v1/profiles/${jo.id}/choose`, {})).statusCode).toBe(200);
    // Cached by the service's verifier: a stale answer would play it.
    expect((await play("orbit-of-ash", bearer(phoneToken))).status).toBe(200);

    const changed = await browser.patch(`/api/v1/profiles/${jo.id}/parental-controls`, {
      currentPassword: STRONG_PASSWORD,
      maxRating: "13+",
      restrictedTitleIds: ["quiet-harbour"],
    });
    expect(changed.statusCode, changed.body).toBe(200);

    // Rated above 13+, and blocked though rated 13+.
    for (const titleId of ["orbit-of-ash", "quiet-harbour"]) {
      const refused = await play(titleId, bearer(phoneToken));
      expect(refused.status, titleId).toBe(403);
      expect(await refused.json()).toEqual(TITLE_RESTRICTED);
      const stream = await playbackStream("POST", "/streams", phoneToken, { titleId });
      expect(stream.status, titleId).toBe(403);
      expect(await stream.json()).toEqual(TITLE_RESTRICTED);
    }
    const allowed = await play(TITLE, bearer(phoneToken));
    expect(allowed.status).toBe(200);
    expect(((await allowed.json()) as { profile: unknown }).profile).toEqual({
      id: jo.id,
      name: "Jo",
      kids: false,
      max_rating: "13+",
      restricted_titles: ["quiet-harbour"],
    });
  });

  it("answers 400 for a title id that isn't one", async () => {
    const { phoneToken } = await viewer();
    for (const titleId of ["Night-Train", "night_train", "a".repeat(65), "..%2Fetc", "x%20y"]) {
      const response = await play(titleId, bearer(phoneToken));
      expect(response.status, titleId).toBe(400);
      expect(await response.json()).toEqual({ error: "invalid_title_id" });
    }
  });
});

describe("when Usher gives no answer", () => {
  const expectUnavailable = async (response: Response) => {
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ error: "usher_unavailable" });
  };
  const loggedReasons = () =>
    t.logs.lines.map((line) => JSON.parse(line)).filter((entry) => entry.msg === "could not ask Usher about the viewer's session");

  it("answers 503, never a play nor a sign-out, when Usher refuses the service's credentials", async () => {
    const wrongSecret = newServiceSecret(cryptoRandom);
    t.logs.remember(wrongSecret);
    const misconfigured = await startPlayback({ clientSecret: wrongSecret });
    const { phoneToken } = await viewer();
    for (const headers of [bearer(phoneToken), bearer("garbage")]) await expectUnavailable(await play(TITLE, headers, misconfigured));
    expect(loggedReasons().at(-1).reason).toMatch(/refused this service's client credentials/);
  });

  // Last: it stops the file's Usher.
  it("answers 503 once Usher has stopped", async () => {
    const { phoneToken } = await viewer();
    expect((await play(TITLE, bearer(phoneToken))).status).toBe(200);
    await t.app.close();
    await expectUnavailable(await play(TITLE, bearer(phoneToken)));
    expect(loggedReasons().at(-1).reason).toMatch(/could not reach Usher/);
  });
});
