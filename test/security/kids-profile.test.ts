// Attack: using a device left on a Kids profile to reach what only the account holder should.
// A Kids profile may browse, switch profile (a locked one through its PIN) and sign out; every
// other operation that needs a session answers 403 KIDS_PROFILE, whichever way the token
// travels. The routes are read from Fastify's own route tree, so an operation added later is
// refused here until it is added to the short list below on purpose.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  APP_ORIGIN,
  buildTestApp,
  type Device,
  errorCode,
  SESSION_COOKIE,
  STRONG_PASSWORD,
  type TestApp,
  uniqueEmail,
  withoutPerIpLimits,
} from "../helper";
import { apiRoutes as listApiRoutes } from "../support/api-routes";
import { openEventStream } from "../support/event-stream";
import { TvApp } from "../support/tv";

/** Everything a Kids profile may do: browse, watch, choose a profile, sign this device out, keep the page live. */
const KIDS_ALLOWED = [
  "POST /api/v1/streams",
  "POST /api/v1/streams/{id}/heartbeat",
  "DELETE /api/v1/streams/{id}",
  "GET /api/v1/me",
  "HEAD /api/v1/me",
  "GET /api/v1/profiles",
  "HEAD /api/v1/profiles",
  "POST /api/v1/profiles/{id}/choose",
  "POST /api/v1/auth/sign-out",
  "GET /api/v1/sessions/events",
];

const PIN = "5180";
const SOME_ID = "00000000-0000-4000-8000-000000000000";

let t: TestApp;
let baseUrl: string;

beforeAll(async () => {
  t = await buildTestApp({ config: withoutPerIpLimits });
  baseUrl = await t.app.listen({ host: "127.0.0.1", port: 0 });
});

afterAll(async () => {
  await t?.close();
});

const apiRoutes = () => listApiRoutes(t.app, { withHeadRoutes: true });

type Method = "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE";
const urlOf = (path: string) => path.replace("{userCode}", "BCDFGHJK").replace("{id}", SOME_ID);

/** The routes that refuse a request without a session: those the Kids rule applies to. */
async function sessionRoutes(): Promise<string[]> {
  const needing: string[] = [];
  for (const route of apiRoutes()) {
    const [method, path] = route.split(" ") as [Method, string];
    // The event stream answers without a session like the rest, but a request with one stays open: see below.
    const answer = await t.app.inject({ method, url: urlOf(path), headers: { origin: APP_ORIGIN } });
    if (answer.statusCode === 401 && (method === "HEAD" || errorCode(answer) === "UNAUTHENTICATED")) needing.push(route);
  }
  return needing;
}

/** A household: the owner's profile (Mum, locked), Dad's (locked) and a Kids profile. */
async function household() {
  const email = uniqueEmail("kids");
  const owner = t.browser();
  const signedUp = await owner.signUp(email, STRONG_PASSWORD, { profileName: "Mum" });
  expect(signedUp.statusCode).toBe(201);
  t.logs.codes.add(PIN);
  const mum = signedUp.json().profiles[0] as { id: string };
  const dad = (await owner.post("/api/v1/profiles", { name: "Dad" })).json().profile as { id: string };
  const kids = (await owner.post("/api/v1/profiles", { name: "Kids", isKids: true })).json().profile as { id: string };
  for (const locked of [mum, dad]) {
    expect((await owner.put(`/api/v1/profiles/${locked.id}/pin`, { pin: PIN, currentPassword: STRONG_PASSWORD })).statusCode).toBe(200);
  }
  return { email, owner, mum, dad, kids };
}

/** A device of the household signed in a moment ago (well inside the re-authentication window), watching as Kids. */
async function onKids(h: Awaited<ReturnType<typeof household>>, device: Device = t.browser()): Promise<Device> {
  expect((await device.signIn(h.email)).statusCode).toBe(200);
  expect((await device.post(`/api/v1/profiles/${h.kids.id}/choose`)).statusCode).toBe(200);
  return device;
}

/** The device's credentials, as its browser (cookie) or app (bearer) sends them. */
const credentialsOf = (device: Device): Record<string, string> =>
  device.kind === "browser" ? { cookie: `${SESSION_COOKIE}=${device.sessionToken}` } : { authorization: `Bearer ${device.sessionToken}` };

function send(device: Device, route: string) {
  const [method, path] = route.split(" ") as [Method, string];
  // A HEAD answer has no body for the device to read.
  if (method === "HEAD")
    return t.app.inject({ method, url: urlOf(path), headers: { "user-agent": device.userAgent, ...credentialsOf(device) } });
  // A body of the right shape would not matter: the refusal comes before the body is read.
  return device.request({ method, url: urlOf(path), ...(method === "GET" ? {} : { payload: {} }) });
}

describe("a session watching as a Kids profile", () => {
  it("is refused 403 KIDS_PROFILE by every operation that needs a session, but the short allowed list", async () => {
    const routes = await sessionRoutes();
    expect(routes.length).toBeGreaterThan(30);
    for (const allowed of KIDS_ALLOWED) expect(routes, "an allowed operation that no longer exists").toContain(allowed);

    const h = await household();
    for (const device of [await onKids(h), await onKids(h, t.phoneApp())]) {
      const refused: string[] = [];
      const served: string[] = [];
      for (const route of routes) {
        // Both stay open or end the session: each is proven on its own below.
        if (route === "GET /api/v1/sessions/events" || route === "POST /api/v1/auth/sign-out") continue;
        const answer = await send(device, route);
        if (answer.statusCode === 403 && (route.startsWith("HEAD ") || errorCode(answer) === "KIDS_PROFILE")) refused.push(route);
        else served.push(`${route} → ${answer.statusCode} ${route.startsWith("HEAD ") ? "" : (errorCode(answer) ?? "")}`.trim());
      }
      expect(served.sort()).toEqual(
        [
          "GET /api/v1/me → 200",
          "GET /api/v1/profiles → 200",
          "HEAD /api/v1/me → 200",
          "HEAD /api/v1/profiles → 200",
          `POST /api/v1/profiles/{id}/choose → 404 PROFILE_NOT_FOUND`,
          // Served, and refused only for what was sent: an empty body, a profile id for a stream id.
          "POST /api/v1/streams → 400 VALIDATION_FAILED",
          "POST /api/v1/streams/{id}/heartbeat → 400 VALIDATION_FAILED",
          "DELETE /api/v1/streams/{id} → 400 VALIDATION_FAILED",
        ].sort(),
      );
      expect(refused).toEqual(routes.filter((route) => !KIDS_ALLOWED.includes(route)));
      // Still on the Kids profile, still signed in: nothing above changed the session.
      expect((await device.get("/api/v1/me")).json().profile).toMatchObject({ id: h.kids.id, isKids: true });
    }
  });

  it("answers with the catalogue's message, which says to switch profile", async () => {
    const device = await onKids(await household());
    const answer = await device.get("/api/v1/account");
    expect(answer.statusCode).toBe(403);
    expect(answer.json()).toEqual({ error: { code: "KIDS_PROFILE", message: "A Kids profile can't do this. Switch to another profile." } });
  });

  it("keeps its live event stream, and signs this device out", async () => {
    const device = await onKids(await household());
    const stream = await openEventStream(`${baseUrl}/api/v1/sessions/events`, { "user-agent": device.userAgent, ...credentialsOf(device) });
    try {
      expect(stream.status).toBe(200);
      expect(await stream.next()).toEqual({ event: "ready", data: "{}" });
      expect((await device.post("/api/v1/auth/sign-out")).statusCode).toBe(204);
      expect((await stream.next())?.event).toBe("signed-out");
    } finally {
      stream.close();
    }
    expect(errorCode(await device.get("/api/v1/me"))).toBe("UNAUTHENTICATED");
  });

  it("can't remove a parent's lock with the password, nor re-authenticate, though the device signed in moments ago", async () => {
    const h = await household();
    const device = await onKids(h);
    const removed = await device.post(`/api/v1/profiles/${h.dad.id}/pin/remove`, { currentPassword: STRONG_PASSWORD });
    expect(removed.statusCode).toBe(403);
    expect(errorCode(removed)).toBe("KIDS_PROFILE");
    expect(errorCode(await device.post("/api/v1/auth/reauthenticate", { password: STRONG_PASSWORD }))).toBe("KIDS_PROFILE");
    expect(errorCode(await device.put(`/api/v1/profiles/${h.kids.id}/pin`, { pin: "0000", currentPassword: STRONG_PASSWORD }))).toBe(
      "KIDS_PROFILE",
    );
    expect(errorCode(await device.patch(`/api/v1/profiles/${h.kids.id}`, { isKids: false }))).toBe("KIDS_PROFILE");
    const profiles = (await device.get("/api/v1/profiles")).json().profiles as { name: string; locked: boolean; isKids: boolean }[];
    expect(profiles.map((p) => [p.name, p.locked, p.isKids])).toEqual([
      ["Mum", true, false],
      ["Dad", true, false],
      ["Kids", false, true],
    ]);
  });

  it("switches to a parent's profile only through its PIN, and is then no longer limited", async () => {
    const h = await household();
    const device = await onKids(h);
    expect(errorCode(await device.post(`/api/v1/profiles/${h.dad.id}/choose`))).toBe("PROFILE_LOCKED");
    expect(errorCode(await device.post(`/api/v1/profiles/${h.dad.id}/choose`, { pin: "0000" }))).toBe("INVALID_PIN");
    expect((await device.get("/api/v1/me")).json().profile.id).toBe(h.kids.id);
    expect((await device.post(`/api/v1/profiles/${h.dad.id}/choose`, { pin: PIN })).statusCode).toBe(200);
    expect((await device.get("/api/v1/account")).statusCode).toBe(200);
  });

  it("can't approve a TV, not even for itself: it could sign the TV in on a parent's profile", async () => {
    const h = await household();
    const device = await onKids(h);
    const flow = await new TvApp(t, "198.51.100.41").start();
    expect(errorCode(await device.get(`/api/v1/tv/codes/${flow.user_code}`))).toBe("KIDS_PROFILE");
    for (const body of [{ profileId: h.dad.id, pin: PIN }, { profileId: h.kids.id }]) {
      const approved = await device.post(`/api/v1/tv/codes/${flow.user_code}/approve`, body);
      expect(approved.statusCode).toBe(403);
      expect(errorCode(approved)).toBe("KIDS_PROFILE");
    }
    expect(errorCode(await device.post(`/api/v1/tv/codes/${flow.user_code}/deny`))).toBe("KIDS_PROFILE");
    // Still pending: the owner, on a grown-up's profile, can approve it.
    expect((await h.owner.get(`/api/v1/tv/codes/${flow.user_code}`)).statusCode).toBe(200);
    expect((await h.owner.post(`/api/v1/tv/codes/${flow.user_code}/approve`, { profileId: h.kids.id })).statusCode).toBe(200);
  });

  it("is limited from its very next request once another device makes its profile a Kids one", async () => {
    const h = await household();
    const device = t.browser();
    expect((await device.signIn(h.email)).statusCode).toBe(200);
    const teen = (await h.owner.post("/api/v1/profiles", { name: "Teen" })).json().profile as { id: string };
    expect((await device.post(`/api/v1/profiles/${teen.id}/choose`)).statusCode).toBe(200);
    expect((await device.get("/api/v1/sessions")).statusCode).toBe(200);
    expect((await h.owner.patch(`/api/v1/profiles/${teen.id}`, { isKids: true })).statusCode).toBe(200);
    expect(errorCode(await device.get("/api/v1/sessions"))).toBe("KIDS_PROFILE");
  });
});
