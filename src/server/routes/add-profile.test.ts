// Route tests for adding a profile: at most 5 per account, names 1–50 characters and unique in the account (ignoring case).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, errorCode, type TestApp, withoutPerIpLimits } from "../../../test/helper";
import { avatarIds } from "../../contract/avatars";
import { create, list, profilesTestHelpers } from "./profiles-test-helpers";

let t: TestApp;

beforeAll(async () => {
  // Many accounts sign up from the helper's IP; the sign-up limit has its own tests.
  t = await buildTestApp({ config: withoutPerIpLimits });
});

afterAll(async () => {
  await t?.close();
});

const { member, storedProfiles } = profilesTestHelpers(() => t);

describe("POST /profiles", () => {
  it("adds a profile with the chosen avatar and kids flag, and answers 201 with it", async () => {
    const m = await member();
    const response = await create(m.browser, { name: "Robin", avatar: "ocean", isKids: true });
    expect(response.statusCode).toBe(201);
    expect(response.json().profile).toEqual({
      id: expect.any(String),
      name: "Robin",
      avatar: "ocean",
      isKids: true,
      position: 1,
      locked: false,
      language: "en",
    });
    const stored = await t.core.stores.profiles.find(m.accountId, response.json().profile.id);
    expect(stored).toMatchObject({ name: "Robin", avatar: "ocean", isKids: true, accountId: m.accountId });
  });

  it("gives a new profile an avatar and a grown-up flag when none is asked for", async () => {
    const m = await member();
    const response = await create(m.browser, { name: "Sam" });
    expect(response.statusCode).toBe(201);
    expect(avatarIds).toContain(response.json().profile.avatar);
    expect(response.json().profile.isKids).toBe(false);
  });

  it("allows 5 profiles and refuses a sixth with 409 PROFILE_LIMIT_REACHED", async () => {
    const m = await member();
    for (const name of ["Two", "Three", "Four", "Five"]) {
      expect((await create(m.browser, { name })).statusCode).toBe(201);
    }
    const sixth = await create(m.browser, { name: "Six" });
    expect(sixth.statusCode).toBe(409);
    expect(errorCode(sixth)).toBe("PROFILE_LIMIT_REACHED");
    expect(await storedProfiles(m.accountId)).toHaveLength(5);
  });

  it("never lets simultaneous adds pass 5 profiles", async () => {
    const m = await member();
    const answers = await Promise.all(["B", "C", "D", "E", "F", "G"].map((name) => create(m.browser, { name: `Racer ${name}` })));
    const statuses = answers.map((a) => a.statusCode).sort();
    expect(statuses).toEqual([201, 201, 201, 201, 409, 409]);
    for (const refused of answers.filter((a) => a.statusCode === 409)) {
      expect(errorCode(refused)).toBe("PROFILE_LIMIT_REACHED");
    }
    expect(await storedProfiles(m.accountId)).toHaveLength(5);
  });

  it("makes room again after a profile is deleted", async () => {
    const m = await member();
    const ids: string[] = [];
    for (const name of ["Two", "Three", "Four", "Five"]) ids.push((await create(m.browser, { name })).json().profile.id);
    expect((await create(m.browser, { name: "Six" })).statusCode).toBe(409);
    expect((await m.browser.delete(`/api/v1/profiles/${ids[0]}`)).statusCode).toBe(204);
    const again = await create(m.browser, { name: "Six" });
    expect(again.statusCode).toBe(201);
    // After the others, not in the deleted one's place.
    expect(again.json().profile.position).toBe(5);
  });

  it("accepts names of 1 and 50 characters", async () => {
    const m = await member();
    expect((await create(m.browser, { name: "J" })).statusCode).toBe(201);
    const longest = "L".repeat(50);
    const response = await create(m.browser, { name: longest });
    expect(response.statusCode).toBe(201);
    expect(response.json().profile.name).toBe(longest);
    // Characters as a person counts them: an emoji is one, though it takes two UTF-16 units.
    const emoji = "😀".repeat(50);
    expect((await create(m.browser, { name: emoji })).statusCode).toBe(201);
    expect((await create(m.browser, { name: "😀".repeat(51) })).statusCode).toBe(400);
  });

  it.each([
    ["an empty name", ""],
    ["a name of spaces only", "    "],
    ["a name of control characters only", "\u0007\u0008"],
    ["a name of 51 characters", "N".repeat(51)],
  ])("refuses %s with 400 and adds nothing", async (_label, name) => {
    const m = await member();
    const response = await create(m.browser, { name });
    expect(response.statusCode).toBe(400);
    expect(errorCode(response)).toBe("VALIDATION_FAILED");
    expect(await storedProfiles(m.accountId)).toHaveLength(1);
  });

  it("refuses an unknown avatar, a missing name and unknown fields with 400", async () => {
    const m = await member();
    for (const body of [
      { name: "Robin", avatar: "not-an-avatar" },
      { avatar: "ocean" },
      { name: "Robin", colour: "red" },
      { name: "Robin", isKids: "yes" },
    ]) {
      const response = await create(m.browser, body);
      expect(response.statusCode).toBe(400);
      expect(errorCode(response)).toBe("VALIDATION_FAILED");
    }
    expect(await storedProfiles(m.accountId)).toHaveLength(1);
  });

  it("trims the name and folds runs of spaces", async () => {
    const m = await member();
    const response = await create(m.browser, { name: "   Sam    Jones  " });
    expect(response.statusCode).toBe(201);
    expect(response.json().profile.name).toBe("Sam Jones");
  });

  it("refuses a name already used in the account, ignoring case and spacing, with 409 PROFILE_NAME_TAKEN", async () => {
    const m = await member("Alex");
    for (const name of ["Alex", "alex", "ALEX", "  Alex  "]) {
      const response = await create(m.browser, { name });
      expect(response.statusCode).toBe(409);
      expect(errorCode(response)).toBe("PROFILE_NAME_TAKEN");
    }
    expect(await storedProfiles(m.accountId)).toHaveLength(1);
  });

  it("allows a name that another account already uses", async () => {
    const one = await member("Jordan");
    const other = await member("Casey");
    const response = await create(other.browser, { name: "jordan" });
    expect(response.statusCode).toBe(201);
    expect((await list(one.browser)).map((p) => p.name)).toEqual(["Jordan"]);
  });
});
