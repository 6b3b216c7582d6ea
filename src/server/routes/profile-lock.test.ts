// Route tests for the profile lock: a 4-digit PIN set, changed or removed only with the account
// password (whatever the re-authentication window), asked for when the profile is chosen
// (throttled after 5 wrong tries), shown as `locked`, and "Require PIN to add new profiles"
// (the main profile's PIN, switched with the password too).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type Device, errorCode, STRONG_PASSWORD, type TestApp, uniqueEmail, withoutPerIpLimits } from "../../../test/helper";
import { minutes } from "../../core/clock";

let t: TestApp;

beforeAll(async () => {
  t = await buildTestApp({ config: withoutPerIpLimits });
});

afterAll(async () => {
  await t?.close();
});

// Unusual PINs, remembered as secrets: none may reach the log.
const PIN = "4821";
const OTHER_PIN = "7306";

async function member() {
  const device = t.browser();
  const email = uniqueEmail("lock");
  const response = await device.signUp(email);
  expect(response.statusCode).toBe(201);
  t.logs.codes.add(PIN);
  t.logs.codes.add(OTHER_PIN);
  const main = response.json().profiles[0] as { id: string };
  const kids = (await device.post("/api/v1/profiles", { name: "Kids", isKids: true })).json().profile as { id: string };
  return { device, email, accountId: response.json().account.id as string, main, kids };
}

const setPin = (device: Device, profileId: string, pin = PIN, currentPassword = STRONG_PASSWORD) =>
  device.put(`/api/v1/profiles/${profileId}/pin`, { pin, currentPassword });
const removePin = (device: Device, profileId: string, currentPassword = STRONG_PASSWORD) =>
  device.post(`/api/v1/profiles/${profileId}/pin/remove`, { currentPassword });
const requirePinToAdd = (device: Device, required: boolean, currentPassword = STRONG_PASSWORD) =>
  device.put("/api/v1/account/profile-lock", { requirePinToAddProfiles: required, currentPassword });
const choose = (device: Device, profileId: string, pin?: string) =>
  device.post(`/api/v1/profiles/${profileId}/choose`, pin === undefined ? undefined : { pin });

describe("setting and removing a profile PIN", () => {
  it("locks the profile: the picker shows `locked: true` and the PIN is stored only as a keyed digest", async () => {
    const { device, accountId, main } = await member();
    const response = await setPin(device, main.id);
    expect(response.statusCode).toBe(200);
    expect(response.json().profile).toMatchObject({ id: main.id, locked: true });
    const profiles = (await device.get("/api/v1/profiles")).json().profiles;
    expect(profiles.map((p: { locked: boolean }) => p.locked)).toEqual([true, false]);
    const stored = await t.core.stores.profiles.find(accountId, main.id);
    expect(stored!.pinHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored!.pinHash).not.toContain(PIN);
    expect((await t.core.stores.audit.listByAccount(accountId, 10)).map((e) => e.type)).toContain("profile_pin_set");
  });

  it("asks for the account password to set, change or remove a PIN, even right after signing in", async () => {
    const { device, accountId, kids } = await member();
    // Signed up a moment ago: well inside the re-authentication window, and still asked.
    const missing = await device.put(`/api/v1/profiles/${kids.id}/pin`, { pin: PIN });
    expect(missing.statusCode).toBe(400);
    expect(errorCode(missing)).toBe("VALIDATION_FAILED");
    const wrong = await setPin(device, kids.id, PIN, "not-the-password");
    expect(wrong.statusCode).toBe(403);
    expect(errorCode(wrong)).toBe("WRONG_PASSWORD");
    expect((await device.get("/api/v1/profiles")).json().profiles[1].locked).toBe(false);
    expect((await setPin(device, kids.id)).statusCode).toBe(200);

    expect(errorCode(await setPin(device, kids.id, OTHER_PIN, "not-the-password"))).toBe("WRONG_PASSWORD");
    expect(errorCode(await choose(device, kids.id, OTHER_PIN))).toBe("INVALID_PIN");

    expect(errorCode(await device.post(`/api/v1/profiles/${kids.id}/pin/remove`, {}))).toBe("VALIDATION_FAILED");
    expect(errorCode(await removePin(device, kids.id, "not-the-password"))).toBe("WRONG_PASSWORD");
    expect((await device.get("/api/v1/profiles")).json().profiles[1].locked).toBe(true);
    const removed = await removePin(device, kids.id);
    expect(removed.statusCode).toBe(200);
    expect(removed.json().profile.locked).toBe(false);
    expect((await choose(device, kids.id)).statusCode).toBe(200);
    const types = (await t.core.stores.audit.listByAccount(accountId, 20)).map((e) => e.type);
    expect(types.filter((type) => type === "password_check_failed")).toHaveLength(3);
  });

  it("takes the password without a recent re-authentication: the password is the proof", async () => {
    const { device, kids } = await member();
    t.clock.advance(minutes(11));
    expect((await setPin(device, kids.id)).statusCode).toBe(200);
    t.clock.advance(minutes(11));
    expect((await removePin(device, kids.id)).statusCode).toBe(200);
  });

  it("throttles wrong passwords like the account page does, sharing its limit", async () => {
    const { device, kids } = await member();
    const limit = t.core.config.limits.passwordCheckPerAccount.limit;
    for (let i = 0; i < limit; i++) expect(errorCode(await setPin(device, kids.id, PIN, `wrong-${i}`))).toBe("WRONG_PASSWORD");
    const limited = await setPin(device, kids.id);
    expect(limited.statusCode).toBe(429);
    expect(errorCode(limited)).toBe("RATE_LIMITED");
    // The account page's password check counts against the same window.
    expect(errorCode(await device.post("/api/v1/account/phone/remove", { currentPassword: STRONG_PASSWORD }))).toBe("RATE_LIMITED");
    t.clock.advance(t.core.config.limits.passwordCheckPerAccount.windowMs);
    expect((await setPin(device, kids.id)).statusCode).toBe(200);
  });

  it("refuses a PIN that isn't 4 digits, and another account's profile", async () => {
    const { device, kids } = await member();
    const other = await member();
    for (const pin of ["123", "12345", "abcd", ""]) expect(errorCode(await setPin(device, kids.id, pin))).toBe("VALIDATION_FAILED");
    expect(errorCode(await setPin(other.device, kids.id))).toBe("PROFILE_NOT_FOUND");
    expect(errorCode(await removePin(other.device, kids.id))).toBe("PROFILE_NOT_FOUND");
    expect((await device.get("/api/v1/profiles")).json().profiles[1].locked).toBe(false);
  });
});

describe("choosing a locked profile", () => {
  it("asks for the PIN (403 PROFILE_LOCKED), refuses a wrong one (403 INVALID_PIN), and chooses with the right one", async () => {
    const { device, kids } = await member();
    await setPin(device, kids.id);
    const noPin = await choose(device, kids.id);
    expect(noPin.statusCode).toBe(403);
    expect(errorCode(noPin)).toBe("PROFILE_LOCKED");
    const wrong = await choose(device, kids.id, OTHER_PIN);
    expect(wrong.statusCode).toBe(403);
    expect(errorCode(wrong)).toBe("INVALID_PIN");
    expect((await device.get("/api/v1/me")).json().profile).toBeNull();
    const right = await choose(device, kids.id, PIN);
    expect(right.statusCode).toBe(200);
    expect((await device.get("/api/v1/me")).json().profile.id).toBe(kids.id);
  });

  it("throttles after 5 wrong tries with 429 and Retry-After, even for the right PIN, until the window passes", async () => {
    const { device, email, kids } = await member();
    await setPin(device, kids.id);
    const phone = t.phoneApp();
    expect((await phone.signIn(email)).statusCode).toBe(200);
    for (let i = 0; i < 5; i++) expect(errorCode(await choose(device, kids.id, String(1000 + i)))).toBe("INVALID_PIN");
    const limited = await choose(device, kids.id, PIN);
    expect(limited.statusCode).toBe(429);
    expect(errorCode(limited)).toBe("RATE_LIMITED");
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    // Another device of the account is throttled the same way: the limit is the profile's.
    expect(errorCode(await choose(phone, kids.id, PIN))).toBe("RATE_LIMITED");
    t.clock.advance(minutes(15));
    expect((await choose(device, kids.id, PIN)).statusCode).toBe(200);
  });

  it("caps wrong PINs across the account's profiles too", async () => {
    const { device, main, kids } = await member();
    await setPin(device, main.id);
    await setPin(device, kids.id, OTHER_PIN);
    for (let i = 0; i < 4; i++) expect(errorCode(await choose(device, main.id, String(2000 + i)))).toBe("INVALID_PIN");
    for (let i = 0; i < 4; i++) expect(errorCode(await choose(device, kids.id, String(3000 + i)))).toBe("INVALID_PIN");
    expect(errorCode(await choose(device, kids.id, String(3999)))).toBe("INVALID_PIN");
    expect(errorCode(await choose(device, main.id, String(2999)))).toBe("INVALID_PIN");
    // Ten wrong tries on the account: the next is throttled whichever profile it is for.
    expect(errorCode(await choose(device, main.id, PIN))).toBe("RATE_LIMITED");
    t.clock.advance(minutes(15));
  });

  it("refuses a malformed PIN body with 400", async () => {
    const { device, kids } = await member();
    await setPin(device, kids.id);
    expect(errorCode(await device.post(`/api/v1/profiles/${kids.id}/choose`, { pin: "12" }))).toBe("VALIDATION_FAILED");
    expect(errorCode(await device.post(`/api/v1/profiles/${kids.id}/choose`, { code: PIN }))).toBe("VALIDATION_FAILED");
  });
});

describe("Require PIN to add new profiles", () => {
  it("can only be turned on while the main profile is locked, and then asks for its PIN to add a profile", async () => {
    const { device, main } = await member();
    const notLocked = await requirePinToAdd(device, true);
    expect(notLocked.statusCode).toBe(409);
    expect(errorCode(notLocked)).toBe("MAIN_PROFILE_NOT_LOCKED");

    await setPin(device, main.id);
    const on = await requirePinToAdd(device, true);
    expect(on.statusCode).toBe(200);
    expect((await device.get("/api/v1/account/security")).json().requirePinToAddProfiles).toBe(true);

    const missing = await device.post("/api/v1/profiles", { name: "Guest" });
    expect(missing.statusCode).toBe(403);
    expect(errorCode(missing)).toBe("PIN_REQUIRED");
    expect(errorCode(await device.post("/api/v1/profiles", { name: "Guest", pin: OTHER_PIN }))).toBe("INVALID_PIN");
    expect((await device.post("/api/v1/profiles", { name: "Guest", pin: PIN })).statusCode).toBe(201);
  });

  it("asks for the account password whatever the window, and turns off when the main profile's PIN is removed", async () => {
    const { device, main } = await member();
    await setPin(device, main.id);
    expect(errorCode(await device.put("/api/v1/account/profile-lock", { requirePinToAddProfiles: true }))).toBe("VALIDATION_FAILED");
    expect(errorCode(await requirePinToAdd(device, true, "not-the-password"))).toBe("WRONG_PASSWORD");
    expect((await device.get("/api/v1/account/security")).json().requirePinToAddProfiles).toBe(false);
    t.clock.advance(minutes(11));
    expect((await requirePinToAdd(device, true)).statusCode).toBe(200);
    expect(errorCode(await removePin(device, main.id, "not-the-password"))).toBe("WRONG_PASSWORD");
    expect((await device.get("/api/v1/account/security")).json().requirePinToAddProfiles).toBe(true);
    expect((await removePin(device, main.id)).statusCode).toBe(200);
    expect((await device.get("/api/v1/account/security")).json().requirePinToAddProfiles).toBe(false);
    expect((await device.post("/api/v1/profiles", { name: "Guest" })).statusCode).toBe(201);
  });
});

describe("account activity for locks", () => {
  it("names the profile locked, changed or unlocked, and the profile that did it", async () => {
    const { device, main } = await member();
    const dad = (await device.post("/api/v1/profiles", { name: "Dad" })).json().profile as { id: string };
    expect((await choose(device, main.id)).statusCode).toBe(200);
    const mum = (await device.get("/api/v1/me")).json().profile.name as string;

    // A second apart each, so the activity's order is theirs.
    for (const change of [
      () => setPin(device, dad.id),
      () => setPin(device, dad.id, OTHER_PIN),
      () => removePin(device, dad.id),
      () => setPin(device, main.id),
      () => requirePinToAdd(device, true),
    ]) {
      t.clock.advance(1000);
      expect((await change()).statusCode).toBe(200);
    }

    const events = (await device.get("/api/v1/account/activity?limit=5")).json().events as { type: string; details: object }[];
    expect(events.map((e) => [e.type, e.details])).toEqual([
      ["profile_lock_setting_changed", { requirePinToAddProfiles: true, actingProfileName: mum }],
      ["profile_pin_set", { profileName: mum, actingProfileName: mum }],
      ["profile_pin_removed", { profileName: "Dad", actingProfileName: mum }],
      ["profile_pin_changed", { profileName: "Dad", actingProfileName: mum }],
      ["profile_pin_set", { profileName: "Dad", actingProfileName: mum }],
    ]);
  });

  it("names the profile a wrong PIN was entered for", async () => {
    const { device, accountId, kids } = await member();
    await setPin(device, kids.id);
    t.clock.advance(1000);
    expect(errorCode(await choose(device, kids.id, OTHER_PIN))).toBe("INVALID_PIN");
    const event = (await t.core.stores.audit.listByAccount(accountId, 10)).find((e) => e.type === "profile_pin_failed");
    expect(event?.details).toEqual({ profileId: kids.id, profileName: "Kids" });
    const { events } = (await device.get("/api/v1/account/activity?limit=1")).json() as { events: { type: string; details: object }[] };
    expect(events).toMatchObject([{ type: "profile_pin_failed", details: { profileName: "Kids" } }]);
  });

  it("names no acting profile when the device has not chosen one", async () => {
    const { device, accountId, kids } = await member();
    await setPin(device, kids.id);
    const event = (await t.core.stores.audit.listByAccount(accountId, 10)).find((e) => e.type === "profile_pin_set");
    expect(event).toMatchObject({ details: { profileId: kids.id, profileName: "Kids" } });
    expect(event!.details).not.toHaveProperty("actingProfileName");
  });
});
