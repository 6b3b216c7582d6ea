// Route tests for GET /sessions/events: an open screen hears, within a second and over a real
// socket, that its session was signed out elsewhere — and only its own account's news. The
// database notifies the change (LISTEN/NOTIFY), as between the nodes of a cluster.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type Device, nextIp, SESSION_COOKIE, STRONG_PASSWORD, type TestApp, uniqueEmail } from "../../../test/helper";
import { type OpenEventStream, openEventStream } from "../../../test/support/event-stream";
import { days } from "../../core/clock";
import { MAX_SCREENS_PER_ACCOUNT } from "../../core/sessions/live-sessions";

const HEARTBEAT_MS = 200;
const TITLE = "the-lantern-keepers";

let t: TestApp;
let baseUrl: string;
const open: OpenEventStream[] = [];

beforeAll(async () => {
  t = await buildTestApp({
    eventStreamHeartbeatMs: HEARTBEAT_MS,
    // Changes are heard from the database, as a server node hears them.
    sessionChanges: true,
  });
  baseUrl = await t.app.listen({ host: "127.0.0.1", port: 0 });
});

afterAll(async () => {
  for (const stream of open) stream.close();
  await t?.close();
});

/** The device's event stream, as its browser (cookie) or app (bearer) opens it. */
async function streamOf(device: Device): Promise<OpenEventStream> {
  const credentials: Record<string, string> =
    device.kind === "browser" ? { cookie: `${SESSION_COOKIE}=${device.sessionToken}` } : { authorization: `Bearer ${device.sessionToken}` };
  const stream = await openEventStream(`${baseUrl}/api/v1/sessions/events`, { "user-agent": device.userAgent, ...credentials });
  open.push(stream);
  return stream;
}

/** A stream that has said `ready`. */
async function readyStreamOf(device: Device): Promise<OpenEventStream> {
  const stream = await streamOf(device);
  expect(stream.status).toBe(200);
  expect(await stream.next()).toEqual({ event: "ready", data: "{}" });
  return stream;
}

/** The signed-out event, the time it took from `since`, and proof that the stream then ended. */
async function signedOut(stream: OpenEventStream, since: number) {
  const event = await stream.next(1_000);
  const delayMs = performance.now() - since;
  expect(event?.event).toBe("signed-out");
  expect(await stream.next()).toBeNull();
  return { data: JSON.parse(event!.data) as unknown, delayMs };
}

async function household() {
  const email = uniqueEmail("live");
  const laptop = t.browser({ ip: nextIp() });
  expect((await laptop.signUp(email)).statusCode).toBe(201);
  const desktop = t.browser({ ip: nextIp() });
  expect((await desktop.signIn(email)).statusCode).toBe(200);
  const phone = t.phoneApp({ ip: nextIp() });
  expect((await phone.signIn(email)).statusCode).toBe(200);
  return { email, laptop, desktop, phone };
}

async function untilScreensAre(count: number) {
  const deadline = Date.now() + 2_000;
  while (t.app.liveSessions.size !== count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(t.app.liveSessions.size).toBe(count);
}

async function untilNoScreensAreWatched() {
  const deadline = Date.now() + 2_000;
  while (t.app.liveSessions.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  return t.app.liveSessions.size;
}

describe("GET /sessions/events", () => {
  it("answers a signed-in device with an event stream that no cache keeps, starting with `ready`", async () => {
    const { laptop } = await household();
    const stream = await readyStreamOf(laptop);
    expect(stream.headers["content-type"]).toBe("text/event-stream; charset=utf-8");
    expect(stream.headers["cache-control"]).toBe("no-store");
    expect(stream.headers["x-accel-buffering"]).toBe("no");
    expect(stream.headers["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
    stream.close();
  });

  it("keeps the stream alive with comments", async () => {
    const { laptop } = await household();
    const stream = await readyStreamOf(laptop);
    expect(await stream.staysQuiet(HEARTBEAT_MS * 3)).toBe(true);
    expect(stream.comments).toBeGreaterThanOrEqual(2);
    stream.close();
  });

  it("answers UNAUTHENTICATED without a session, and SESSION_REVOKED with a signed-out one", async () => {
    const anonymous = await t.app.inject({ method: "GET", url: "/api/v1/sessions/events" });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe("UNAUTHENTICATED");

    const { laptop, phone } = await household();
    const token = phone.sessionToken!;
    await laptop.post("/api/v1/sessions/sign-out-all");
    const revoked = await t.app.inject({ method: "GET", url: "/api/v1/sessions/events", headers: { authorization: `Bearer ${token}` } });
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json().error).toMatchObject({ code: "SESSION_REVOKED", reason: "signed_out_all_devices" });
  });

  it("tells every device of the account within a second when one signs out of all devices", async () => {
    const { laptop, desktop, phone } = await household();
    const streams = await Promise.all([desktop, phone, laptop].map(readyStreamOf));

    const answered = performance.now();
    expect((await laptop.post("/api/v1/sessions/sign-out-all")).statusCode).toBe(200);

    for (const stream of streams) {
      const { data, delayMs } = await signedOut(stream, answered);
      expect(data).toEqual({ code: "SESSION_REVOKED", reason: "signed_out_all_devices" });
      expect(delayMs).toBeLessThan(1_000);
    }
  });

  it("tells only the device that was signed out from the device list", async () => {
    const { laptop, desktop, phone } = await household();
    const [phoneStream, desktopStream] = await Promise.all([readyStreamOf(phone), readyStreamOf(desktop)]);

    const answered = performance.now();
    expect((await laptop.delete(`/api/v1/sessions/${phone.sessionToken!.split(".")[0]}`)).statusCode).toBe(204);

    const { data, delayMs } = await signedOut(phoneStream, answered);
    expect(data).toEqual({ code: "SESSION_REVOKED", reason: "signed_out_by_other_device" });
    expect(delayMs).toBeLessThan(1_000);
    expect(await desktopStream.staysQuiet(300)).toBe(true);
    desktopStream.close();
  });

  it("tells a device that its stream was stopped from another device, and leaves it signed in", async () => {
    const { laptop, phone } = await household();
    const phoneStream = await readyStreamOf(phone);
    const started = await phone.post("/api/v1/streams", { titleId: TITLE });
    expect(started.statusCode).toBe(201);
    const streamId = started.json().stream.id;

    const answered = performance.now();
    expect((await laptop.delete(`/api/v1/streams/${streamId}`)).statusCode).toBe(204);

    const event = await phoneStream.next(1_000);
    expect(performance.now() - answered).toBeLessThan(1_000);
    expect(event?.event).toBe("stream-ended");
    expect(JSON.parse(event!.data)).toEqual({ streamId, titleId: TITLE, reason: "stopped_from_another_device" });
    // Still signed in: the stream stays open and hears nothing more.
    expect(await phoneStream.staysQuiet(300)).toBe(true);
    expect((await phone.get("/api/v1/me")).statusCode).toBe(200);
    phoneStream.close();
  });

  it("tells a watching device its stream ended, then that it was signed out, when all devices are signed out", async () => {
    const { laptop, phone } = await household();
    const phoneStream = await readyStreamOf(phone);
    const streamId = (await phone.post("/api/v1/streams", { titleId: TITLE })).json().stream.id;

    expect((await laptop.post("/api/v1/sessions/sign-out-all")).statusCode).toBe(200);

    const event = await phoneStream.next(1_000);
    expect(event?.event).toBe("stream-ended");
    expect(JSON.parse(event!.data)).toEqual({ streamId, titleId: TITLE, reason: "signed_out" });
    const { data } = await signedOut(phoneStream, performance.now());
    expect(data).toEqual({ code: "SESSION_REVOKED", reason: "signed_out_all_devices" });
  });

  it("does not tell a player of the stream it stopped itself", async () => {
    const { phone } = await household();
    const phoneStream = await readyStreamOf(phone);
    const streamId = (await phone.post("/api/v1/streams", { titleId: TITLE })).json().stream.id;
    expect((await phone.delete(`/api/v1/streams/${streamId}`)).statusCode).toBe(204);
    expect(await phoneStream.staysQuiet(300)).toBe(true);
    phoneStream.close();
  });

  it("tells the other devices that the password was changed, when all devices must sign in again", async () => {
    const { laptop, desktop } = await household();
    const desktopStream = await readyStreamOf(desktop);

    const answered = performance.now();
    const changed = await laptop.post("/api/v1/account/password", {
      currentPassword: STRONG_PASSWORD,
      newPassword: "quiet-lantern-orchard-58",
      signOutOtherDevices: true,
    });
    expect(changed.statusCode).toBe(200);

    const { data, delayMs } = await signedOut(desktopStream, answered);
    expect(data).toEqual({ code: "SESSION_REVOKED", reason: "password_changed" });
    expect(delayMs).toBeLessThan(1_000);
    // The laptop carries on with the new session it was handed: its new stream stays open.
    const laptopStream = await readyStreamOf(laptop);
    expect(await laptopStream.staysQuiet(300)).toBe(true);
    laptopStream.close();
  });

  it("leaves the current device's stream open when it signs out the others", async () => {
    const { laptop, desktop } = await household();
    const [laptopStream, desktopStream] = await Promise.all([readyStreamOf(laptop), readyStreamOf(desktop)]);
    expect((await laptop.post("/api/v1/sessions/sign-out-others")).statusCode).toBe(200);
    expect((await signedOut(desktopStream, performance.now())).data).toMatchObject({ reason: "signed_out_by_other_device" });
    expect(await laptopStream.staysQuiet(300)).toBe(true);
    laptopStream.close();
  });

  it("tells another account's devices nothing", async () => {
    const mine = await household();
    const theirs = await household();
    const theirStreams = await Promise.all([theirs.laptop, theirs.phone].map(readyStreamOf));

    expect((await mine.laptop.post("/api/v1/sessions/sign-out-all")).statusCode).toBe(200);

    for (const stream of theirStreams) expect(await stream.staysQuiet(300)).toBe(true);
    expect((await theirs.phone.get("/api/v1/me")).statusCode).toBe(200);
    for (const stream of theirStreams) stream.close();
  });

  it("tells a device whose session expired while it was open", async () => {
    const laptop = t.browser({ ip: nextIp() });
    expect((await laptop.signUp(uniqueEmail("idle"))).statusCode).toBe(201);
    const stream = await readyStreamOf(laptop);
    t.clock.advance(days(31));
    const { data } = await signedOut(stream, performance.now());
    expect(data).toEqual({ code: "SESSION_EXPIRED", reason: "expired" });
  });

  it("stops watching a screen when its browser goes away: 50 streams opened and closed leave nothing behind", async () => {
    expect(await untilNoScreensAreWatched()).toBe(0);
    const { laptop, desktop, phone } = await household();
    const devices = [laptop, desktop, phone];
    const streams = await Promise.all(Array.from({ length: 50 }, (_, i) => readyStreamOf(devices[i % 3]!)));
    expect(t.app.liveSessions.size).toBe(50);
    // However many screens are open, the node holds one subscription.
    expect(t.signals.listenerCount()).toBe(1);

    for (const stream of streams) stream.close();

    expect(await untilNoScreensAreWatched()).toBe(0);
    expect(t.signals.listenerCount()).toBe(1);
  });

  it(`refuses a screen beyond ${MAX_SCREENS_PER_ACCOUNT} open ones of the account (429), and takes one again when another closes`, async () => {
    expect(await untilNoScreensAreWatched()).toBe(0);
    const { laptop, phone } = await household();
    const streams = await Promise.all(Array.from({ length: MAX_SCREENS_PER_ACCOUNT }, () => readyStreamOf(laptop)));

    const refused = await streamOf(phone);
    expect(refused.status).toBe(429);
    expect(refused.headers["retry-after"]).toBe("30");
    refused.close();

    streams.pop()!.close();
    await untilScreensAre(MAX_SCREENS_PER_ACCOUNT - 1);
    const again = await readyStreamOf(phone);
    for (const stream of [...streams, again]) stream.close();
    expect(await untilNoScreensAreWatched()).toBe(0);
  });

  it("hears a revocation any writer committed (another node, the CLI): the database announces it", async () => {
    const { laptop } = await household();
    const accountId = (await laptop.get("/api/v1/me")).json().account.id as string;
    const stream = await readyStreamOf(laptop);
    // Straight to the store, outside any use case: nothing but the database can tell the screen.
    const committed = performance.now();
    await t.core.stores.sessions.revokeAllForAccount(accountId, t.clock.now(), "signed_out_all_devices");
    const { data, delayMs } = await signedOut(stream, committed);
    expect(data).toEqual({ code: "SESSION_REVOKED", reason: "signed_out_all_devices" });
    expect(delayMs).toBeLessThan(1_000);
  });
});
