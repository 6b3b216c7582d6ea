// Watching: screens limited by plan, kept by heartbeats, freed when they lapse or are stopped,
// and ended by every sign-out in the signing-out transaction (a new token on the same device
// is not one). Two devices racing for the last screen: exactly one wins.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildTestApp,
  type Device,
  errorCode,
  nextIp,
  STRONG_PASSWORD,
  type TestApp,
  uniqueEmail,
  withoutPerIpLimits,
} from "../../../test/helper";

let t: TestApp;
const HEARTBEAT_MS = 30_000;
const TITLE = "the-lantern-keepers";
const KIDS_TITLE = "the-desk-fern";

beforeAll(async () => {
  t = await buildTestApp({ config: withoutPerIpLimits });
});

afterAll(async () => t?.close());

/** An account on `plan` with `count` phone apps signed in ("Phone 1", …). */
async function household(plan: "basic" | "standard" | "premium", count: number) {
  const email = uniqueEmail("streams");
  const browser = t.browser({ ip: nextIp() });
  expect((await browser.signUp(email, STRONG_PASSWORD, { profileName: "Jo" })).statusCode).toBe(201);
  expect((await browser.put("/api/v1/account/plan", { plan })).statusCode).toBe(200);
  const phones: Device[] = [];
  for (let i = 1; i <= count; i++) {
    const phone = t.phoneApp({ name: `Phone ${i}`, ip: nextIp() });
    expect((await phone.signIn(email)).statusCode).toBe(200);
    phones.push(phone);
  }
  return { email, browser, phones };
}

const start = (device: Device, titleId = TITLE) => device.post("/api/v1/streams", { titleId });
const heartbeat = (device: Device, id: string) => device.post(`/api/v1/streams/${id}/heartbeat`);
const endedReason = async (id: string) =>
  (await t.query<{ ended_reason: string | null }>(sql`select ended_reason from stream where id = ${id}`))[0]?.ended_reason;

describe("POST /streams", () => {
  it("starts a stream for a listed title: its id, the heartbeat interval and when the screen is freed without one", async () => {
    const { phones } = await household("standard", 1);
    const response = await start(phones[0]!);
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({ stream: { id: expect.any(String), titleId: TITLE, profileId: null }, heartbeatMs: HEARTBEAT_MS });
    expect(Date.parse(body.expiresAt) - Date.parse(body.stream.startedAt)).toBe(2 * HEARTBEAT_MS);
  });

  it("starts nothing for a title that isn't in the catalogue, or for anything but a title", async () => {
    const { phones } = await household("premium", 1);
    const missing = await start(phones[0]!, "no-such-title");
    expect(missing.statusCode).toBe(404);
    expect(errorCode(missing)).toBe("TITLE_NOT_FOUND");
    for (const body of [{}, { titleId: "../etc" }, { titleId: TITLE, extra: 1 }]) {
      expect(errorCode(await phones[0]!.post("/api/v1/streams", body))).toBe("VALIDATION_FAILED");
    }
  });

  it.each([
    ["basic", 1],
    ["standard", 2],
    ["premium", 4],
  ] as const)("lets %s watch on %i screen(s) at once, and answers the next with where the account is watching", async (plan, screens) => {
    const { phones } = await household(plan, screens + 1);
    for (const phone of phones.slice(0, screens)) expect((await start(phone)).statusCode).toBe(201);
    const refused = await start(phones[screens]!, "salt-and-static");
    expect(refused.statusCode).toBe(409);
    const { error } = refused.json();
    expect(error.code).toBe("TOO_MANY_STREAMS");
    expect(error.message).toMatch(/^Too many people are using your account right now/);
    expect(error.watching).toHaveLength(screens);
    expect(error.watching[0]).toEqual({
      device: { kind: "mobile", name: "Phone 1" },
      profileName: null,
      title: { id: TITLE, name: "The Lantern Keepers" },
      since: expect.any(String),
    });
  });

  it("lets a device start again (a reload) without taking a second screen", async () => {
    const { phones } = await household("basic", 1);
    const first = (await start(phones[0]!)).json().stream.id;
    expect((await start(phones[0]!, "salt-and-static")).statusCode).toBe(201);
    expect(await endedReason(first)).toBe("stopped");
  });

  it("names the profile the device watches as", async () => {
    const { browser, phones } = await household("basic", 2);
    const [jo] = (await browser.get("/api/v1/profiles")).json().profiles;
    expect((await phones[0]!.post(`/api/v1/profiles/${jo.id}/choose`, {})).statusCode).toBe(200);
    expect((await start(phones[0]!)).json().stream.profileId).toBe(jo.id);
    expect((await start(phones[1]!)).json().error.watching[0].profileName).toBe("Jo");
  });

  it("gives exactly one of 20 devices racing for the last screen", async () => {
    const { phones } = await household("basic", 20);
    const answers = await Promise.all(phones.map((phone) => start(phone)));
    const statuses = answers.map((answer) => answer.statusCode).sort();
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(19);
  });
});

describe("POST /streams/:id/heartbeat", () => {
  it("keeps the screen while heartbeats come, and frees it two intervals after they stop", async () => {
    const { phones } = await household("basic", 2);
    const id = (await start(phones[0]!)).json().stream.id;
    t.clock.advance(HEARTBEAT_MS + 20_000);
    expect((await heartbeat(phones[0]!, id)).statusCode).toBe(200);
    t.clock.advance(HEARTBEAT_MS + 20_000);
    expect((await start(phones[1]!)).statusCode).toBe(409);

    t.clock.advance(2 * HEARTBEAT_MS);
    expect((await start(phones[1]!)).statusCode).toBe(201);
    const late = await heartbeat(phones[0]!, id);
    expect(late.statusCode).toBe(410);
    expect(late.json().error).toMatchObject({ code: "STREAM_ENDED", reason: "expired" });
  });

  it("answers another account's stream, or one of another device, as a missing one", async () => {
    const mine = await household("standard", 2);
    const theirs = await household("standard", 1);
    const id = (await start(mine.phones[0]!)).json().stream.id;
    for (const device of [theirs.phones[0]!, mine.phones[1]!]) {
      const response = await heartbeat(device, id);
      expect(response.statusCode).toBe(404);
      expect(errorCode(response)).toBe("STREAM_NOT_FOUND");
    }
    expect(errorCode(await theirs.phones[0]!.delete(`/api/v1/streams/${id}`))).toBe("STREAM_NOT_FOUND");
    expect(errorCode(await heartbeat(mine.phones[0]!, "A".repeat(22)))).toBe("STREAM_NOT_FOUND");
  });
});

describe("DELETE /streams/:id", () => {
  it("stops the device's own stream, or another device's (Stop watching), and says which at the next heartbeat", async () => {
    const { browser, phones } = await household("standard", 2);
    const own = (await start(phones[0]!)).json().stream.id;
    const other = (await start(phones[1]!)).json().stream.id;
    expect((await phones[0]!.delete(`/api/v1/streams/${own}`)).statusCode).toBe(204);
    expect((await browser.delete(`/api/v1/streams/${other}`)).statusCode).toBe(204);
    expect((await heartbeat(phones[0]!, own)).json().error).toMatchObject({ code: "STREAM_ENDED", reason: "stopped" });
    expect((await heartbeat(phones[1]!, other)).json().error).toMatchObject({
      code: "STREAM_ENDED",
      reason: "stopped_from_another_device",
    });
  });

  it("does not let a Kids profile stop another device's stream, only its own", async () => {
    const { browser, phones } = await household("standard", 2);
    const kids = (await browser.post("/api/v1/profiles", { name: "Robin", isKids: true })).json().profile;
    expect((await phones[1]!.post(`/api/v1/profiles/${kids.id}/choose`, {})).statusCode).toBe(200);
    const parents = (await start(phones[0]!)).json().stream.id;
    const childs = (await start(phones[1]!, KIDS_TITLE)).json().stream.id;
    const refused = await phones[1]!.delete(`/api/v1/streams/${parents}`);
    expect(refused.statusCode).toBe(403);
    expect(errorCode(refused)).toBe("KIDS_PROFILE");
    expect((await phones[1]!.delete(`/api/v1/streams/${childs}`)).statusCode).toBe(204);
  });
});

describe("a Kids profile", () => {
  it("starts only what it may watch: a title not made for children is restricted", async () => {
    const { browser, phones } = await household("standard", 1);
    const kids = (await browser.post("/api/v1/profiles", { name: "Robin", isKids: true })).json().profile;
    expect((await phones[0]!.post(`/api/v1/profiles/${kids.id}/choose`, {})).statusCode).toBe(200);
    const refused = await start(phones[0]!, TITLE);
    expect(refused.statusCode).toBe(403);
    expect(errorCode(refused)).toBe("TITLE_RESTRICTED");
    expect((await start(phones[0]!, KIDS_TITLE)).statusCode).toBe(201);
  });
});

describe("sign-outs end streams", () => {
  it.each([
    ["the device signs out", async (_browser: Device, phone: Device) => phone.post("/api/v1/auth/sign-out")],
    ["the account signs out of all devices", async (browser: Device) => browser.post("/api/v1/sessions/sign-out-all", {})],
    [
      "the device is signed out from the device list",
      async (browser: Device, phone: Device) => {
        const me = (await phone.get("/api/v1/me")).json().session.id;
        return browser.delete(`/api/v1/sessions/${me}`);
      },
    ],
    [
      "the password changes with all devices required to sign in again",
      async (browser: Device) =>
        browser.post("/api/v1/account/password", {
          currentPassword: STRONG_PASSWORD,
          newPassword: "copper-lantern-meadow-77",
          signOutOtherDevices: true,
        }),
    ],
  ])("ends the stream, in the same transaction, when %s", async (_, signOut) => {
    const { browser, phones } = await household("basic", 1);
    const id = (await start(phones[0]!)).json().stream.id;
    expect((await signOut(browser, phones[0]!)).statusCode).toBeLessThan(300);
    expect(await endedReason(id)).toBe("signed_out");
  });

  it("frees the signed-out device's screen for another at once", async () => {
    const { browser, phones } = await household("basic", 2);
    await start(phones[0]!);
    const me = (await phones[0]!.get("/api/v1/me")).json().session.id;
    expect((await browser.delete(`/api/v1/sessions/${me}`)).statusCode).toBe(204);
    expect((await start(phones[1]!)).statusCode).toBe(201);
  });

  it("keeps a device's stream across a new token on the same device (re-authentication is not a sign-out)", async () => {
    const { phones } = await household("basic", 2);
    const id = (await start(phones[0]!)).json().stream.id;
    expect((await phones[0]!.post("/api/v1/auth/reauthenticate", { password: STRONG_PASSWORD })).statusCode).toBe(200);
    expect((await heartbeat(phones[0]!, id)).statusCode).toBe(200);
    expect(await endedReason(id)).toBeNull();
    expect((await start(phones[1]!)).statusCode).toBe(409);
  });
});

describe("GET /sessions: Watching now", () => {
  it("shows what each device is watching, as which profile and since when, and nothing once it stops", async () => {
    const { browser, phones } = await household("standard", 2);
    const [jo] = (await browser.get("/api/v1/profiles")).json().profiles;
    expect((await phones[0]!.post(`/api/v1/profiles/${jo.id}/choose`, {})).statusCode).toBe(200);
    const started = (await start(phones[0]!)).json().stream;

    const sessions = (await browser.get("/api/v1/sessions")).json().sessions as { deviceName: string; watching: unknown }[];
    expect(sessions.find((session) => session.deviceName === "Phone 1")?.watching).toEqual({
      streamId: started.id,
      title: { id: TITLE, name: "The Lantern Keepers" },
      profileName: "Jo",
      since: started.startedAt,
    });
    expect(sessions.filter((session) => session.watching !== null)).toHaveLength(1);

    expect((await browser.delete(`/api/v1/streams/${started.id}`)).statusCode).toBe(204);
    const after = (await browser.get("/api/v1/sessions")).json().sessions as { watching: unknown }[];
    expect(after.every((session) => session.watching === null)).toBe(true);
  });

  it("stops showing a stream whose heartbeats lapsed", async () => {
    const { browser, phones } = await household("basic", 1);
    await start(phones[0]!);
    t.clock.advance(2 * HEARTBEAT_MS + 1);
    const sessions = (await browser.get("/api/v1/sessions")).json().sessions as { watching: unknown }[];
    expect(sessions.every((session) => session.watching === null)).toBe(true);
  });
});

describe("account activity", () => {
  it("records a stream started (title, profile, device) and one stopped from another device (where, from where)", async () => {
    const { browser, phones } = await household("standard", 1);
    const [jo] = (await browser.get("/api/v1/profiles")).json().profiles;
    expect((await phones[0]!.post(`/api/v1/profiles/${jo.id}/choose`, {})).statusCode).toBe(200);
    const id = (await start(phones[0]!)).json().stream.id;
    expect((await browser.delete(`/api/v1/streams/${id}`)).statusCode).toBe(204);
    // Stopping it again stops nothing, and records nothing.
    expect((await browser.delete(`/api/v1/streams/${id}`)).statusCode).toBe(204);

    const events = (await browser.get("/api/v1/account/activity")).json().events as { type: string; details: object }[];
    const watching = events.filter((event) => event.type.startsWith("watching_"));
    expect(watching).toHaveLength(2);
    expect(watching).toContainEqual(
      expect.objectContaining({
        type: "watching_started",
        details: { titleName: "The Lantern Keepers", profileName: "Jo", deviceName: "Phone 1" },
      }),
    );
    expect(watching).toContainEqual(
      expect.objectContaining({
        type: "watching_stopped",
        details: { titleName: "The Lantern Keepers", stoppedOn: "Phone 1", deviceName: expect.any(String) },
      }),
    );
  });
});

describe("GET /streams/activity: Recent streaming activity", () => {
  it("lists the last 30 days' streams newest first, with title, profile, device and times, in pages", async () => {
    const { browser, phones } = await household("premium", 1);
    const started: string[] = [];
    for (const titleId of [TITLE, "quiet-harbour", TITLE]) {
      started.push((await start(phones[0]!, titleId)).json().stream.id);
      t.clock.advance(1_000);
    }
    const first = await browser.get("/api/v1/streams/activity?limit=2");
    expect(first.statusCode).toBe(200);
    const page = first.json();
    expect(page.streams.map((row: { id: string }) => row.id)).toEqual([started[2], started[1]]);
    expect(page.streams[0]).toEqual({
      id: started[2],
      title: { id: TITLE, name: "The Lantern Keepers" },
      profileName: null,
      device: { kind: "mobile", name: "Phone 1" },
      startedAt: expect.any(String),
      endedAt: null,
    });
    // A start on the same device ended the one before.
    expect(page.streams[1].endedAt).toEqual(expect.any(String));
    const next = (await browser.get(`/api/v1/streams/activity?limit=2&cursor=${page.nextCursor}`)).json();
    expect(next).toEqual({ streams: [expect.objectContaining({ id: started[0] })], nextCursor: null });
  });

  it("shows a stream whose player went quiet as watched until its last heartbeat", async () => {
    const { browser, phones } = await household("basic", 1);
    const id = (await start(phones[0]!)).json().stream.id;
    t.clock.advance(10_000);
    expect((await heartbeat(phones[0]!, id)).statusCode).toBe(200);
    const lastHeartbeat = t.clock.now().toISOString();
    expect((await browser.get("/api/v1/streams/activity")).json().streams[0].endedAt).toBeNull();
    t.clock.advance(2 * HEARTBEAT_MS);
    expect((await browser.get("/api/v1/streams/activity")).json().streams[0].endedAt).toBe(lastHeartbeat);
  });

  it("leaves out streams older than 30 days, and another account's", async () => {
    const { email, phones } = await household("basic", 1);
    await start(phones[0]!);
    t.clock.advance(31 * 24 * 60 * 60 * 1000);
    const other = await household("basic", 1);
    await start(other.phones[0]!);
    // A month later the first devices' sessions have expired: the owner signs in again.
    const browser = t.browser({ ip: nextIp() });
    expect((await browser.signIn(email)).statusCode).toBe(200);
    expect((await browser.get("/api/v1/streams/activity")).json()).toEqual({ streams: [], nextCursor: null });
  });

  it("answers a cursor it did not write with INVALID_CURSOR", async () => {
    const { browser } = await household("basic", 0);
    for (const cursor of ["nope", Buffer.from("2026-01-01T00:00:00.000Z|x").toString("base64url"), "a".repeat(201)]) {
      const response = await browser.get(`/api/v1/streams/activity?cursor=${cursor}`);
      expect(response.statusCode).toBe(400);
    }
  });
});
