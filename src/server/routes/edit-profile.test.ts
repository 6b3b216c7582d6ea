// Route tests for editing and deleting a profile: never the last one, never another account's, each change in account activity.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, errorCode, type TestApp, withoutPerIpLimits } from "../../../test/helper";
import { chosenProfile, create, list, profilesTestHelpers } from "./profiles-test-helpers";

let t: TestApp;

beforeAll(async () => {
  // Many accounts sign up from the helper's IP; the sign-up limit has its own tests.
  t = await buildTestApp({ config: withoutPerIpLimits });
});

afterAll(async () => {
  await t?.close();
});

const { member, storedProfiles } = profilesTestHelpers(() => t);

describe("PATCH /profiles/:id", () => {
  it("renames a profile", async () => {
    const m = await member("Alex");
    const response = await m.browser.patch(`/api/v1/profiles/${m.first.id}`, { name: "  Alexandra " });
    expect(response.statusCode).toBe(200);
    expect(response.json().profile).toMatchObject({ id: m.first.id, name: "Alexandra", avatar: m.first.avatar });
    expect((await list(m.browser))[0]!.name).toBe("Alexandra");
  });

  it("lets a profile change the letter case of its own name", async () => {
    const m = await member("alex");
    const response = await m.browser.patch(`/api/v1/profiles/${m.first.id}`, { name: "Alex" });
    expect(response.statusCode).toBe(200);
    expect(response.json().profile.name).toBe("Alex");
  });

  it("changes the avatar and the kids flag, leaving the name alone", async () => {
    const m = await member("Alex");
    const response = await m.browser.patch(`/api/v1/profiles/${m.first.id}`, { avatar: "glacier", isKids: true });
    expect(response.statusCode).toBe(200);
    expect(response.json().profile).toEqual({ ...m.first, avatar: "glacier", isKids: true });
    expect(await t.core.stores.profiles.find(m.accountId, m.first.id)).toMatchObject({
      name: "Alex",
      avatar: "glacier",
      isKids: true,
    });

    const back = await m.browser.patch(`/api/v1/profiles/${m.first.id}`, { isKids: false });
    expect(back.json().profile).toMatchObject({ avatar: "glacier", isKids: false });
  });

  it("refuses an unknown avatar with 400 and changes nothing", async () => {
    const m = await member();
    const response = await m.browser.patch(`/api/v1/profiles/${m.first.id}`, { avatar: "unicorn", name: "Changed" });
    expect(response.statusCode).toBe(400);
    expect(errorCode(response)).toBe("VALIDATION_FAILED");
    expect(await t.core.stores.profiles.find(m.accountId, m.first.id)).toMatchObject({
      name: m.first.name,
      avatar: m.first.avatar,
    });
  });

  it.each([
    ["an empty body", {}],
    ["an empty name", { name: "" }],
    ["a name of 51 characters", { name: "N".repeat(51) }],
    ["a name of control characters only", { name: "\u0007" }],
    ["an unknown field", { pinHash: "x" }],
  ])("refuses %s with 400 and changes nothing", async (_label, body) => {
    const m = await member("Alex");
    const response = await m.browser.patch(`/api/v1/profiles/${m.first.id}`, body);
    expect(response.statusCode).toBe(400);
    expect(errorCode(response)).toBe("VALIDATION_FAILED");
    expect((await t.core.stores.profiles.find(m.accountId, m.first.id))?.name).toBe("Alex");
  });

  it("refuses a rename to another profile's name, ignoring case, with 409 PROFILE_NAME_TAKEN", async () => {
    const m = await member("Alex");
    const sam = (await create(m.browser, { name: "Sam" })).json().profile;
    const response = await m.browser.patch(`/api/v1/profiles/${sam.id}`, { name: "ALEX" });
    expect(response.statusCode).toBe(409);
    expect(errorCode(response)).toBe("PROFILE_NAME_TAKEN");
    expect((await t.core.stores.profiles.find(m.accountId, sam.id))?.name).toBe("Sam");
  });

  it("answers 404 PROFILE_NOT_FOUND for an id that doesn't exist, and 400 for one that isn't an id", async () => {
    const m = await member();
    const missing = await m.browser.patch("/api/v1/profiles/00000000-0000-4000-8000-000000000000", { name: "X" });
    expect(missing.statusCode).toBe(404);
    expect(errorCode(missing)).toBe("PROFILE_NOT_FOUND");
    const malformed = await m.browser.patch("/api/v1/profiles/not-an-id", { name: "X" });
    expect(malformed.statusCode).toBe(400);
  });
});

describe("DELETE /profiles/:id", () => {
  it("deletes a profile with 204", async () => {
    const m = await member("Alex");
    const sam = (await create(m.browser, { name: "Sam" })).json().profile;
    const response = await m.browser.delete(`/api/v1/profiles/${sam.id}`);
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe("");
    expect((await list(m.browser)).map((p) => p.id)).toEqual([m.first.id]);
    expect(await t.core.stores.profiles.find(m.accountId, sam.id)).toBeNull();
  });

  it("refuses to delete the last profile with 409 LAST_PROFILE", async () => {
    const m = await member();
    const response = await m.browser.delete(`/api/v1/profiles/${m.first.id}`);
    expect(response.statusCode).toBe(409);
    expect(errorCode(response)).toBe("LAST_PROFILE");
    expect(await storedProfiles(m.accountId)).toHaveLength(1);
  });

  it("keeps one profile when the last two are deleted at the same time", async () => {
    const m = await member("Alex");
    const sam = (await create(m.browser, { name: "Sam" })).json().profile;
    const answers = await Promise.all([m.browser.delete(`/api/v1/profiles/${m.first.id}`), m.browser.delete(`/api/v1/profiles/${sam.id}`)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([204, 409]);
    expect(await storedProfiles(m.accountId)).toHaveLength(1);
  });

  it("answers 404 PROFILE_NOT_FOUND for a profile that is already gone", async () => {
    const m = await member();
    const sam = (await create(m.browser, { name: "Sam" })).json().profile;
    expect((await m.browser.delete(`/api/v1/profiles/${sam.id}`)).statusCode).toBe(204);
    const again = await m.browser.delete(`/api/v1/profiles/${sam.id}`);
    expect(again.statusCode).toBe(404);
    expect(errorCode(again)).toBe("PROFILE_NOT_FOUND");
  });
});

describe("another account's profile", () => {
  it("is not found for PATCH, DELETE or choose, and stays untouched", async () => {
    const owner = await member("Owner");
    const theirs = (await create(owner.browser, { name: "Private", avatar: "ember" })).json().profile;
    const intruder = await member("Intruder");
    expect((await intruder.browser.post(`/api/v1/profiles/${intruder.first.id}/choose`)).statusCode).toBe(200);

    const attempts = [
      await intruder.browser.patch(`/api/v1/profiles/${theirs.id}`, { name: "Hijacked", avatar: "ocean", isKids: true }),
      await intruder.browser.delete(`/api/v1/profiles/${theirs.id}`),
      await intruder.browser.post(`/api/v1/profiles/${theirs.id}/choose`),
    ];
    for (const response of attempts) {
      expect(response.statusCode).toBe(404);
      expect(errorCode(response)).toBe("PROFILE_NOT_FOUND");
    }

    expect(await t.core.stores.profiles.find(owner.accountId, theirs.id)).toMatchObject({
      name: "Private",
      avatar: "ember",
      isKids: false,
    });
    expect(await storedProfiles(owner.accountId)).toHaveLength(2);
    expect((await chosenProfile(intruder.browser))?.id).toBe(intruder.first.id);
    expect((await list(intruder.browser)).map((p) => p.id)).toEqual([intruder.first.id]);
  });
});

describe("account activity for profile changes", () => {
  it("names the profile added, edited or deleted, and the profile that did it", async () => {
    const m = await member("Mum");
    expect((await m.browser.post(`/api/v1/profiles/${m.first.id}/choose`)).statusCode).toBe(200);
    t.clock.advance(1000);
    const dad = (await create(m.browser, { name: "Dad" })).json().profile;
    t.clock.advance(1000);
    expect((await m.browser.patch(`/api/v1/profiles/${dad.id}`, { name: "Papa", avatar: "ocean" })).statusCode).toBe(200);
    t.clock.advance(1000);
    expect((await m.browser.delete(`/api/v1/profiles/${dad.id}`)).statusCode).toBe(204);

    const events = (await m.browser.get("/api/v1/account/activity?limit=3")).json().events as { type: string; details: object }[];
    expect(events.map((e) => [e.type, e.details])).toEqual([
      ["profile_deleted", { profileName: "Papa", actingProfileName: "Mum" }],
      ["profile_updated", { profileName: "Papa", actingProfileName: "Mum", changed: "avatar,name" }],
      ["profile_created", { profileName: "Dad", actingProfileName: "Mum" }],
    ]);
  });
});
