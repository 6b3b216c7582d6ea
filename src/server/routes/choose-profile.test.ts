// Route tests for "Who's watching?": listing the account's profiles and choosing one, remembered by this device's session.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, errorCode, type TestApp, withoutPerIpLimits } from "../../../test/helper";
import { avatarIds } from "../../contract/avatars";
import { chosenProfile, create, list, profilesTestHelpers } from "./profiles-test-helpers";

let t: TestApp;

beforeAll(async () => {
  // Many accounts sign up from the helper's IP; the sign-up limit has its own tests.
  t = await buildTestApp({ config: withoutPerIpLimits });
});

afterAll(async () => {
  await t?.close();
});

const { member } = profilesTestHelpers(() => t);

describe("GET /profiles (Who's watching?)", () => {
  it("lists the account's profiles with name, avatar and kids flag, in the order they were added", async () => {
    const m = await member("Alex");
    const kids = await create(m.browser, { name: "Kids", avatar: "comet", isKids: true });
    expect(kids.statusCode).toBe(201);

    const profiles = await list(m.browser);
    expect(profiles).toEqual([
      { id: m.first.id, name: "Alex", avatar: expect.any(String), isKids: false, position: 0, locked: false, language: "en" },
      { id: kids.json().profile.id, name: "Kids", avatar: "comet", isKids: true, position: 1, locked: false, language: "en" },
    ]);
    expect(avatarIds).toContain(profiles[0]!.avatar);
    // Only public fields: no account id, PIN hash or timestamps (a lock shows as `locked`).
    expect(Object.keys(profiles[0]!).sort()).toEqual(["avatar", "id", "isKids", "language", "locked", "name", "position"]);
  });

  it("shows only this account's profiles", async () => {
    const mine = await member("Mine");
    const theirs = await member("Theirs");
    expect((await create(theirs.browser, { name: "Their Kids" })).statusCode).toBe(201);
    expect((await list(mine.browser)).map((p) => p.name)).toEqual(["Mine"]);
  });

  it("refuses a request without a session", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/v1/profiles" });
    expect(response.statusCode).toBe(401);
    expect(errorCode(response)).toBe("UNAUTHENTICATED");
  });
});

describe("POST /profiles/:id/choose", () => {
  it("remembers the chosen profile in this device's session", async () => {
    const m = await member("Alex");
    const kids = (await create(m.browser, { name: "Kids", isKids: true })).json().profile;
    expect(await chosenProfile(m.browser)).toBeNull();

    const response = await m.browser.post(`/api/v1/profiles/${kids.id}/choose`);
    expect(response.statusCode).toBe(200);
    expect(response.json().profile).toEqual(kids);
    expect(await chosenProfile(m.browser)).toEqual(kids);

    expect((await m.browser.post(`/api/v1/profiles/${m.first.id}/choose`)).statusCode).toBe(200);
    expect((await chosenProfile(m.browser))?.id).toBe(m.first.id);
  });

  it("does not choose for the account's other devices", async () => {
    const m = await member("Alex");
    const phone = t.phoneApp();
    expect((await phone.signIn(m.email)).statusCode).toBe(200);
    const kids = (await create(m.browser, { name: "Kids", isKids: true })).json().profile;
    expect((await phone.post(`/api/v1/profiles/${m.first.id}/choose`)).statusCode).toBe(200);

    expect((await m.browser.post(`/api/v1/profiles/${kids.id}/choose`)).statusCode).toBe(200);
    expect((await chosenProfile(m.browser))?.id).toBe(kids.id);
    expect((await chosenProfile(phone))?.id).toBe(m.first.id);

    const otherBrowser = t.browser({ ip: "198.51.100.8" });
    expect((await otherBrowser.signIn(m.email)).statusCode).toBe(200);
    expect(await chosenProfile(otherBrowser)).toBeNull();
  });

  it("shows no profile on /me once the chosen profile is deleted, on every device that chose it", async () => {
    const m = await member("Alex");
    const phone = t.phoneApp();
    expect((await phone.signIn(m.email)).statusCode).toBe(200);
    const sam = (await create(m.browser, { name: "Sam" })).json().profile;
    expect((await m.browser.post(`/api/v1/profiles/${sam.id}/choose`)).statusCode).toBe(200);
    expect((await phone.post(`/api/v1/profiles/${sam.id}/choose`)).statusCode).toBe(200);

    expect((await phone.delete(`/api/v1/profiles/${sam.id}`)).statusCode).toBe(204);
    expect(await chosenProfile(m.browser)).toBeNull();
    expect(await chosenProfile(phone)).toBeNull();
  });

  it("either chooses or answers 404, never fails, when the profile is deleted at the same moment", async () => {
    // The window is narrow, so the race is run several times.
    for (let round = 0; round < 10; round++) {
      const m = await member("Alex");
      const sam = (await create(m.browser, { name: "Sam" })).json().profile;
      const [deleted, chosen] = await Promise.all([
        m.browser.delete(`/api/v1/profiles/${sam.id}`),
        m.browser.post(`/api/v1/profiles/${sam.id}/choose`),
      ]);
      expect(deleted.statusCode).toBe(204);
      expect([200, 404]).toContain(chosen.statusCode);
      expect(await chosenProfile(m.browser)).toBeNull();
    }
  });

  it("answers 404 PROFILE_NOT_FOUND for a profile that doesn't exist and keeps the choice", async () => {
    const m = await member();
    expect((await m.browser.post(`/api/v1/profiles/${m.first.id}/choose`)).statusCode).toBe(200);
    const response = await m.browser.post("/api/v1/profiles/00000000-0000-4000-8000-000000000000/choose");
    expect(response.statusCode).toBe(404);
    expect(errorCode(response)).toBe("PROFILE_NOT_FOUND");
    expect((await chosenProfile(m.browser))?.id).toBe(m.first.id);
  });
});
