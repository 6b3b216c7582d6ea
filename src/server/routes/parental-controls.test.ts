// Route tests for Profile & Parental Controls: opened and changed only with the account password
// and never from a Kids profile; a rating limit (Kids start at 7+ and stop at 13+) and blocked
// titles that the catalogue, stream starts (403 TITLE_RESTRICTED) and the services' claims all
// follow at once; a change audited, emailed and announced; and Exit Kids, the only way from a
// Kids profile to another one.
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
import { cryptoRandom } from "../../core/crypto/random";
import { newServiceSecret, secretDigest } from "../../core/services/service-clients";

let t: TestApp;
const secret = newServiceSecret(cryptoRandom);
const PIN = "5817";

beforeAll(async () => {
  t = await buildTestApp({
    config: (config) => ({
      ...withoutPerIpLimits(config),
      services: { ...config.services, clients: [{ id: "playback", name: "Playback API", secretDigest: secretDigest(secret) }] },
    }),
  });
  t.logs.remember(secret);
  t.logs.codes.add(PIN);
});

afterAll(async () => t?.close());

interface Profile {
  id: string;
  name: string;
}

async function member() {
  const email = uniqueEmail("parental");
  const browser = t.browser({ ip: nextIp() });
  const signedUp = await browser.signUp(email, undefined, { profileName: "Alex" });
  expect(signedUp.statusCode).toBe(201);
  const main = signedUp.json().profiles[0] as Profile;
  const created = await browser.post("/api/v1/profiles", { name: "Robin", isKids: true });
  expect(created.statusCode).toBe(201);
  return { email, browser, accountId: signedUp.json().account.id as string, main, kids: created.json().profile as Profile };
}

const open = (device: Device, profileId: string, currentPassword = STRONG_PASSWORD) =>
  device.post(`/api/v1/profiles/${profileId}/parental-controls/open`, { currentPassword });
const change = (device: Device, profileId: string, body: Record<string, unknown>) =>
  device.patch(`/api/v1/profiles/${profileId}/parental-controls`, { currentPassword: STRONG_PASSWORD, ...body });
const choose = (device: Device, profileId: string, body?: Record<string, unknown>) =>
  device.post(`/api/v1/profiles/${profileId}/choose`, body);
const start = (device: Device, titleId: string) => device.post("/api/v1/streams", { titleId });

async function titleIds(device: Device): Promise<string[]> {
  const response = await device.get("/api/v1/titles");
  expect(response.statusCode).toBe(200);
  return (response.json().titles as { id: string }[]).map((title) => title.id);
}

async function introspected(token: string) {
  const response = await t.app.inject({
    method: "POST",
    url: "/oauth/introspect",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      authorization: `Basic ${Buffer.from(`playback:${secret}`).toString("base64")}`,
    },
    payload: new URLSearchParams({ token }).toString(),
  });
  expect(response.statusCode).toBe(200);
  return response.json();
}

describe("opening Profile & Parental Controls", () => {
  it("takes the account password, even right after signing up, and shows the rating, blocks, lock and viewing activity", async () => {
    const { browser, kids, main } = await member();
    const missing = await browser.post(`/api/v1/profiles/${kids.id}/parental-controls/open`, {});
    expect(missing.statusCode).toBe(400);
    expect(errorCode(missing)).toBe("VALIDATION_FAILED");
    const wrong = await open(browser, kids.id, "not-the-password");
    expect(wrong.statusCode).toBe(403);
    expect(errorCode(wrong)).toBe("WRONG_PASSWORD");
    expect(JSON.stringify(wrong.json())).not.toContain("maxRating");

    const opened = await open(browser, kids.id);
    expect(opened.statusCode).toBe(200);
    expect(opened.headers["cache-control"]).toBe("no-store");
    expect(opened.json().parentalControls).toMatchObject({
      profileId: kids.id,
      profileName: "Robin",
      isKids: true,
      maxRating: "7+",
      restrictedTitles: [],
      locked: false,
      askPasswordToExitKids: false,
      viewingActivity: [],
    });
    expect(opened.json().parentalControls.titles.length).toBeGreaterThan(20);
    expect((await open(browser, main.id)).json().parentalControls).toMatchObject({ isKids: false, maxRating: "18+" });
  });

  it("lists what the profile watched, newest first, and only that profile's", async () => {
    const { browser, main, kids, email } = await member();
    expect((await choose(browser, kids.id)).statusCode).toBe(200);
    expect((await start(browser, "paper-planets")).statusCode).toBe(201);
    t.clock.advance(60_000);
    expect((await start(browser, "moon-bakery")).statusCode).toBe(201);
    const parent = t.browser({ ip: nextIp() });
    expect((await parent.signIn(email)).statusCode).toBe(200);
    const activity = (await open(parent, kids.id)).json().parentalControls.viewingActivity;
    expect(activity.map((entry: { titleName: string }) => entry.titleName)).toEqual(["Moon Bakery", "Paper Planets"]);
    expect(activity[0]).toMatchObject({ titleId: "moon-bakery", deviceName: expect.any(String), startedAt: expect.any(String) });
    expect((await open(parent, main.id)).json().parentalControls.viewingActivity).toEqual([]);
  });

  it("is refused from a Kids profile, with the password or without", async () => {
    const { browser, kids, main } = await member();
    expect((await choose(browser, kids.id)).statusCode).toBe(200);
    for (const response of [await open(browser, kids.id), await change(browser, main.id, { maxRating: "7+" })]) {
      expect(response.statusCode).toBe(403);
      expect(errorCode(response)).toBe("KIDS_PROFILE");
    }
  });

  it("answers 404 for a profile of another account, and 400 for a malformed id", async () => {
    const { browser } = await member();
    const other = await member();
    expect(errorCode(await open(browser, other.kids.id))).toBe("PROFILE_NOT_FOUND");
    expect(errorCode(await change(browser, other.kids.id, { maxRating: "All" }))).toBe("PROFILE_NOT_FOUND");
    expect((await open(browser, "not-a-uuid")).statusCode).toBe(400);
    expect((await open(other.browser, other.kids.id)).json().parentalControls.maxRating).toBe("7+");
  });
});

describe("changing what a profile may watch", () => {
  it("limits an adult profile to 13+: the catalogue, stream starts and the services' claims follow at once", async () => {
    const { browser, main, accountId } = await member();
    expect((await choose(browser, main.id)).statusCode).toBe(200);
    expect(await titleIds(browser)).toContain("orbit-of-ash");
    const changesBefore = await sessionChanges(accountId);

    const changed = await change(browser, main.id, { maxRating: "13+" });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().parentalControls.maxRating).toBe("13+");
    const ids = await titleIds(browser);
    expect(ids).not.toContain("orbit-of-ash");
    expect(ids).not.toContain("glass-district");
    expect(ids).toContain("the-lantern-keepers");

    const refused = await start(browser, "orbit-of-ash");
    expect(refused.statusCode).toBe(403);
    expect(errorCode(refused)).toBe("TITLE_RESTRICTED");
    expect((await start(browser, "the-lantern-keepers")).statusCode).toBe(201);
    expect(errorCode(await start(browser, "no-such-title"))).toBe("TITLE_NOT_FOUND");

    expect((await introspected(browser.sessionToken!)).profile).toEqual({
      id: main.id,
      name: "Alex",
      kids: false,
      max_rating: "13+",
      restricted_titles: [],
    });
    // Logged in the changing transaction: every node's verifiers drop what they cached.
    expect(await sessionChanges(accountId)).toBeGreaterThan(changesBefore);
  });

  it("blocks titles by name whatever their rating, and unblocks them", async () => {
    const { browser, kids } = await member();
    expect((await choose(browser, kids.id)).statusCode).toBe(200);
    expect(await titleIds(browser)).toContain("captain-pebble");
    const other = t.browser({ ip: nextIp() });
    expect((await other.signIn((await browser.get("/api/v1/me")).json().account.email)).statusCode).toBe(200);

    const blocked = await change(other, kids.id, { restrictedTitleIds: ["moon-bakery", "captain-pebble", "captain-pebble"] });
    expect(blocked.statusCode).toBe(200);
    // Once each, in catalogue order.
    expect(blocked.json().parentalControls.restrictedTitles.map((title: { id: string }) => title.id)).toEqual([
      "captain-pebble",
      "moon-bakery",
    ]);
    expect(await titleIds(browser)).not.toContain("captain-pebble");
    expect(errorCode(await start(browser, "captain-pebble"))).toBe("TITLE_RESTRICTED");
    expect((await introspected(browser.sessionToken!)).profile.restricted_titles).toEqual(["captain-pebble", "moon-bakery"]);

    expect((await change(other, kids.id, { restrictedTitleIds: [] })).json().parentalControls.restrictedTitles).toEqual([]);
    expect(await titleIds(browser)).toContain("captain-pebble");
    expect((await start(browser, "captain-pebble")).statusCode).toBe(201);
  });

  it("ends the profile's stream of a title it may no longer watch, and says why at the next heartbeat", async () => {
    const { browser, kids, email } = await member();
    expect((await choose(browser, kids.id)).statusCode).toBe(200);
    const started = await start(browser, "tide-pool-detectives");
    expect(started.statusCode).toBe(201);
    const parent = t.browser({ ip: nextIp() });
    expect((await parent.signIn(email)).statusCode).toBe(200);
    expect((await change(parent, kids.id, { maxRating: "All" })).statusCode).toBe(200);
    const beat = await browser.post(`/api/v1/streams/${started.json().stream.id}/heartbeat`);
    expect(beat.statusCode).toBe(410);
    expect(beat.json().error).toMatchObject({ code: "STREAM_ENDED", reason: "restricted" });
  });

  it("keeps a Kids profile at 13+ or below, and starts a profile made Kids from 7+", async () => {
    const { browser, kids, main, accountId } = await member();
    for (const maxRating of ["16+", "18+"]) {
      const response = await change(browser, kids.id, { maxRating });
      expect(response.statusCode).toBe(400);
      expect(errorCode(response)).toBe("KIDS_RATING_TOO_HIGH");
    }
    expect((await change(browser, kids.id, { maxRating: "13+" })).json().parentalControls.maxRating).toBe("13+");

    expect((await browser.patch(`/api/v1/profiles/${main.id}`, { isKids: true })).statusCode).toBe(200);
    expect((await t.core.stores.profiles.find(accountId, main.id))!.maxRating).toBe("7+");
    // A rating a Kids profile may have is kept when it becomes one.
    expect((await browser.patch(`/api/v1/profiles/${main.id}`, { isKids: false })).statusCode).toBe(200);
    expect((await change(browser, main.id, { maxRating: "All" })).statusCode).toBe(200);
    expect((await browser.patch(`/api/v1/profiles/${main.id}`, { isKids: true })).statusCode).toBe(200);
    expect((await t.core.stores.profiles.find(accountId, main.id))!.maxRating).toBe("All");
  });

  it("refuses bad input with 400 and changes nothing", async () => {
    const { browser, kids, accountId } = await member();
    const bodies: Record<string, unknown>[] = [
      {},
      { maxRating: "PG-13" },
      { maxRating: 13 },
      { restrictedTitleIds: "captain-pebble" },
      { restrictedTitleIds: ["Captain Pebble"] },
      { restrictedTitleIds: Array.from({ length: 201 }, (_, i) => `title-${i}`) },
      { askPasswordToExitKids: "yes" },
      { maxRating: "All", colour: "red" },
    ];
    for (const body of bodies) {
      const response = await change(browser, kids.id, body);
      expect(response.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(errorCode(response)).toBe("VALIDATION_FAILED");
    }
    const unknown = await change(browser, kids.id, { restrictedTitleIds: ["captain-pebble", "no-such-title"] });
    expect(unknown.statusCode).toBe(400);
    expect(errorCode(unknown)).toBe("UNKNOWN_TITLE");
    const wrong = await browser.patch(`/api/v1/profiles/${kids.id}/parental-controls`, { currentPassword: "nope", maxRating: "All" });
    expect(errorCode(wrong)).toBe("WRONG_PASSWORD");
    expect(await t.core.stores.profiles.find(accountId, kids.id)).toMatchObject({ maxRating: "7+", restrictedTitles: [] });
  });

  it("is audited with what changed, by name, emailed to the owner, and not when nothing changed", async () => {
    const { browser, kids, email, accountId } = await member();
    const mark = await t.sentMark();
    expect((await change(browser, kids.id, { maxRating: "13+", restrictedTitleIds: ["captain-pebble"] })).statusCode).toBe(200);
    expect((await change(browser, kids.id, { maxRating: "13+" })).statusCode).toBe(200);
    const events = (await t.core.stores.audit.listByAccount(accountId, 20)).filter((event) => event.type === "parental_controls_changed");
    expect(events).toHaveLength(1);
    expect(events[0]!.details).toMatchObject({
      profileId: kids.id,
      profileName: "Robin",
      ratingFrom: "7+",
      ratingTo: "13+",
      blocked: "Captain Pebble",
    });
    const activity = (await browser.get("/api/v1/account/activity")).json().events;
    expect(activity).toContainEqual(
      expect.objectContaining({
        type: "parental_controls_changed",
        details: { profileName: "Robin", ratingFrom: "7+", ratingTo: "13+", blocked: "Captain Pebble" },
      }),
    );
    await t.delivered();
    const emails = t.sent.slice(mark).filter((message) => message.channel === "email" && message.to === email);
    expect(emails).toEqual([
      expect.objectContaining({ template: "parental_controls_changed", subject: "Parental controls changed for Robin" }),
    ]);
  });
});

describe("Exit Kids", () => {
  it("opens an unlocked profile at once when nothing is locked and the account doesn't ask", async () => {
    const { browser, kids, main } = await member();
    expect((await choose(browser, kids.id)).statusCode).toBe(200);
    expect((await choose(browser, main.id)).statusCode).toBe(200);
  });

  it("asks for the account password when the account asks for it, and for a locked profile's PIN", async () => {
    const { browser, kids, main } = await member();
    const sam = (await browser.post("/api/v1/profiles", { name: "Sam" })).json().profile as Profile;
    expect((await change(browser, kids.id, { askPasswordToExitKids: true })).json().parentalControls.askPasswordToExitKids).toBe(true);
    expect((await browser.put(`/api/v1/profiles/${main.id}/pin`, { pin: PIN, currentPassword: STRONG_PASSWORD })).statusCode).toBe(200);
    expect((await choose(browser, kids.id)).statusCode).toBe(200);

    const asked = await choose(browser, sam.id);
    expect(asked.statusCode).toBe(403);
    expect(errorCode(asked)).toBe("EXIT_KIDS_PASSWORD_REQUIRED");
    expect(errorCode(await choose(browser, sam.id, { currentPassword: "not-the-password" }))).toBe("WRONG_PASSWORD");
    // Still watching as Kids: the titles say so.
    expect(await titleIds(browser)).not.toContain("orbit-of-ash");
    // The locked parent takes its PIN, not the password.
    expect(errorCode(await choose(browser, main.id, { currentPassword: STRONG_PASSWORD }))).toBe("PROFILE_LOCKED");
    expect((await choose(browser, main.id, { pin: PIN })).statusCode).toBe(200);

    expect((await choose(browser, kids.id)).statusCode).toBe(200);
    const opened = await choose(browser, sam.id, { currentPassword: STRONG_PASSWORD });
    expect(opened.statusCode).toBe(200);
    expect(opened.json().profile.name).toBe("Sam");
  });

  it("asks for the password when any profile is locked, though the account doesn't ask", async () => {
    const { browser, kids, main } = await member();
    const sam = (await browser.post("/api/v1/profiles", { name: "Sam" })).json().profile as Profile;
    expect((await browser.put(`/api/v1/profiles/${main.id}/pin`, { pin: PIN, currentPassword: STRONG_PASSWORD })).statusCode).toBe(200);
    expect((await choose(browser, kids.id)).statusCode).toBe(200);
    expect(errorCode(await choose(browser, sam.id))).toBe("EXIT_KIDS_PASSWORD_REQUIRED");
    // From an adult profile, Sam opens as before.
    expect((await choose(browser, main.id, { pin: PIN })).statusCode).toBe(200);
    expect((await choose(browser, sam.id)).statusCode).toBe(200);
  });
});

async function sessionChanges(accountId: string): Promise<number> {
  const [row] = await t.query<{ n: number }>(sql`select count(*)::int as n from session_change where account_id = ${accountId}`);
  return row!.n;
}
