// Route tests for "Who's watching?": listing, adding, editing, deleting and choosing
// profiles. At most 5 per account, names 1–50 characters and unique in the account
// (ignoring case), never fewer than one, and the session remembers the one chosen.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { avatarIds } from "../../contract/avatars";
import { buildTestApp, errorCode, uniqueEmail, withoutPerIpLimits, type Device, type TestApp } from "../../../test/helper";

let t: TestApp;

beforeAll(async () => {
  // Many accounts sign up from the helper's IP; the sign-up limit has its own tests.
  t = await buildTestApp({ config: withoutPerIpLimits });
});

afterAll(async () => {
  await t?.close();
});

interface PublicProfile {
  id: string;
  name: string;
  avatar: string;
  isKids: boolean;
  position: number;
}

interface Member {
  email: string;
  accountId: string;
  browser: Device;
  /** The profile made at sign-up. */
  first: PublicProfile;
}

async function member(profileName = "Alex"): Promise<Member> {
  const email = uniqueEmail("profiles");
  const browser = t.browser();
  const response = await browser.signUp(email, undefined, { profileName });
  expect(response.statusCode).toBe(201);
  const body = response.json();
  return { email, accountId: body.account.id, browser, first: body.profiles[0] };
}

function create(device: Device, body: Record<string, unknown>) {
  return device.post("/api/v1/profiles", body);
}

async function list(device: Device): Promise<PublicProfile[]> {
  const response = await device.get("/api/v1/profiles");
  expect(response.statusCode).toBe(200);
  return response.json().profiles;
}

async function storedProfiles(accountId: string) {
  return t.core.stores.profiles.listByAccount(accountId);
}

async function chosenProfile(device: Device): Promise<PublicProfile | null> {
  const response = await device.get("/api/v1/me");
  expect(response.statusCode).toBe(200);
  return response.json().profile;
}

describe("GET /profiles (Who's watching?)", () => {
  it("lists the account's profiles with name, avatar and kids flag, in the order they were added", async () => {
    const m = await member("Alex");
    const kids = await create(m.browser, { name: "Kids", avatar: "comet", isKids: true });
    expect(kids.statusCode).toBe(201);

    const profiles = await list(m.browser);
    expect(profiles).toEqual([
      { id: m.first.id, name: "Alex", avatar: expect.any(String), isKids: false, position: 0, locked: false },
      { id: kids.json().profile.id, name: "Kids", avatar: "comet", isKids: true, position: 1, locked: false },
    ]);
    expect(avatarIds).toContain(profiles[0]!.avatar);
    // Only public fields: no account id, PIN hash or timestamps (a lock shows as `locked`).
    expect(Object.keys(profiles[0]!).sort()).toEqual(["avatar", "id", "isKids", "locked", "name", "position"]);
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
    const answers = await Promise.all(
      ["B", "C", "D", "E", "F", "G"].map((name) => create(m.browser, { name: `Racer ${name}` })),
    );
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
    const answers = await Promise.all([
      m.browser.delete(`/api/v1/profiles/${m.first.id}`),
      m.browser.delete(`/api/v1/profiles/${sam.id}`),
    ]);
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
