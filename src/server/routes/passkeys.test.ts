// Route tests for passkeys: adding several (named), listing, renaming, removing; signing in
// with a passkey alone and using one as the second step. A software authenticator in the test
// makes real ES256 credentials and signatures, which @simplewebauthn/server verifies.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type Device, errorCode, STRONG_PASSWORD, type TestApp, uniqueEmail, withoutPerIpLimits } from "../../../test/helper";
import { SoftwareAuthenticator, type SoftwarePasskey } from "../../../test/support/software-authenticator";
import { passwordStep } from "../../../test/support/two-step";
import { minutes } from "../../core/clock";

let t: TestApp;
const authenticator = new SoftwareAuthenticator();

beforeAll(async () => {
  t = await buildTestApp({ config: withoutPerIpLimits });
});

afterAll(async () => {
  await t?.close();
});

async function member(device: Device = t.browser()) {
  const email = uniqueEmail("passkey");
  const response = await device.signUp(email);
  expect(response.statusCode).toBe(201);
  return { device, email, accountId: response.json().account.id as string };
}

/** Registration options, then the authenticator's answer, then the server's verdict. */
async function addPasskey(device: Device, name: string, extra: Record<string, unknown> = {}) {
  const options = await device.post("/api/v1/account/passkeys/registration-options");
  expect(options.statusCode).toBe(200);
  const { passkey, response } = authenticator.register(options.json().options);
  const added = await device.post("/api/v1/account/passkeys", { name, passkey: response, ...extra });
  if (added.statusCode === 201) for (const code of added.json().backupCodes ?? []) t.logs.remember(code);
  return { passkey, added };
}

/** Asks for a passkey after the password from now on (two-step verification by passkey). */
async function askForPasskey(device: Device) {
  const asked = await device.put("/api/v1/account/two-step/passkey-step", { on: true, signOutOtherDevices: false });
  expect(asked.statusCode).toBe(200);
  for (const code of asked.json().backupCodes ?? []) t.logs.remember(code);
  return asked;
}

/** The details the account's activity shows for events of one type, newest first. */
async function activityOf(device: Device, type: string): Promise<Record<string, unknown>[]> {
  const { events } = (await device.get("/api/v1/account/activity")).json() as {
    events: { type: string; details: Record<string, unknown> }[];
  };
  return events.filter((event) => event.type === type).map((event) => event.details);
}

async function passkeySignIn(device: Device, passkey: SoftwarePasskey) {
  const options = (await device.post("/api/v1/auth/passkey/options")).json().options;
  return device.post("/api/v1/auth/passkey", {
    passkey: authenticator.assert(passkey, options),
    ...(device.client ? { client: device.client } : {}),
  });
}

describe("adding passkeys", () => {
  it("answers discoverable-credential options bound to this site and account", async () => {
    const { device, email, accountId } = await member();
    const { options } = (await device.post("/api/v1/account/passkeys/registration-options")).json();
    expect(options.rp).toEqual({ name: "Usher", id: "localhost" });
    expect(options.user.name).toBe(email);
    expect(Buffer.from(options.user.id, "base64url").toString("utf8")).toBe(accountId);
    expect(options.authenticatorSelection).toMatchObject({ residentKey: "required" });
    expect(options.attestation).toBe("none");
  });

  it("adds several named passkeys as ways to sign in: the other devices stay signed in, and two-step verification stays off", async () => {
    const { device, email, accountId } = await member();
    const phone = t.phoneApp();
    expect((await phone.signIn(email)).statusCode).toBe(200);
    const first = await addPasskey(device, "MacBook Touch ID");
    expect(first.added.statusCode).toBe(201);
    expect(first.added.json()).toMatchObject({ signedOutOtherDevices: 0, backupCodes: null });
    expect(first.added.json().passkey).toMatchObject({ id: first.passkey.id, name: "MacBook Touch ID", lastUsedAt: null });
    t.clock.advance(1000);
    const second = await addPasskey(device, "Phone");
    expect(second.added.statusCode).toBe(201);
    expect(second.added.json().backupCodes).toBeNull();
    expect((await phone.get("/api/v1/me")).statusCode).toBe(200);

    const list = (await device.get("/api/v1/account/passkeys")).json().passkeys;
    expect(list.map((p: { name: string }) => p.name)).toEqual(["MacBook Touch ID", "Phone"]);
    expect(Object.keys(list[0]).sort()).toEqual(["createdAt", "id", "lastUsedAt", "name"]);
    expect((await device.get("/api/v1/account/security")).json().twoStep).toEqual({
      enabled: false,
      totp: false,
      passkeys: 2,
      passkeyStep: false,
      backupCodesLeft: 0,
    });
    // The password alone still signs in.
    expect((await t.browser().signIn(email)).json().account.email).toBe(email);
    const added = (await t.core.stores.audit.listByAccount(accountId, 20)).filter((e) => e.type === "passkey_added");
    expect(added.map((e) => e.details.passkeyName).sort()).toEqual(["MacBook Touch ID", "Phone"]);
  });

  it("asks for a passkey after the password only when the owner turns it on: backup codes once, then off again", async () => {
    const { device, email } = await member();
    const none = await device.put("/api/v1/account/two-step/passkey-step", { on: true });
    expect([none.statusCode, errorCode(none)]).toEqual([409, "NO_PASSKEYS"]);
    await addPasskey(device, "Laptop");

    const on = await askForPasskey(device);
    expect(on.json().backupCodes).toHaveLength(10);
    expect((await device.get("/api/v1/account/security")).json().twoStep).toMatchObject({ enabled: true, passkeyStep: true });
    expect((await passwordStep(t, t.browser(), email)).methods).toEqual(["passkey", "backup_code"]);
    const again = await device.put("/api/v1/account/two-step/passkey-step", { on: true, signOutOtherDevices: false });
    expect(errorCode(again)).toBe("PASSKEY_STEP_UNCHANGED");

    const off = await device.put("/api/v1/account/two-step/passkey-step", { on: false, signOutOtherDevices: false });
    expect(off.statusCode).toBe(200);
    expect((await device.get("/api/v1/account/security")).json().twoStep).toMatchObject({
      enabled: false,
      passkeyStep: false,
      backupCodesLeft: 0,
    });
    expect((await t.browser().signIn(email)).json().account.email).toBe(email);
  });

  it("needs a recent re-authentication", async () => {
    const { device } = await member();
    const options = (await device.post("/api/v1/account/passkeys/registration-options")).json().options;
    t.clock.advance(minutes(11));
    expect(errorCode(await device.post("/api/v1/account/passkeys/registration-options"))).toBe("REAUTH_REQUIRED");
    const { response } = authenticator.register(options);
    const refused = await device.post("/api/v1/account/passkeys", { name: "Late", passkey: response });
    expect(refused.statusCode).toBe(403);
    expect(errorCode(refused)).toBe("REAUTH_REQUIRED");
    expect((await device.get("/api/v1/account/passkeys")).json().passkeys).toEqual([]);
  });

  it("refuses an answer for another site, for options of another account, or used twice", async () => {
    const { device } = await member();
    const other = await member();
    const options = (await device.post("/api/v1/account/passkeys/registration-options")).json().options;
    const wrongOrigin = authenticator.register(options, { origin: "https://evil.example" });
    expect(errorCode(await device.post("/api/v1/account/passkeys", { name: "X", passkey: wrongOrigin.response }))).toBe("PASSKEY_INVALID");

    const theirs = (await other.device.post("/api/v1/account/passkeys/registration-options")).json().options;
    const foreign = authenticator.register(theirs);
    expect(errorCode(await device.post("/api/v1/account/passkeys", { name: "X", passkey: foreign.response }))).toBe("PASSKEY_INVALID");

    const good = authenticator.register(options);
    expect(
      (await device.post("/api/v1/account/passkeys", { name: "Once", passkey: good.response, signOutOtherDevices: false })).statusCode,
    ).toBe(201);
    const again = authenticator.register(options);
    expect(errorCode(await device.post("/api/v1/account/passkeys", { name: "Twice", passkey: again.response }))).toBe("PASSKEY_INVALID");
  });

  it("refuses options that have expired with 410 PASSKEY_CHALLENGE_EXPIRED", async () => {
    const { device } = await member();
    const options = (await device.post("/api/v1/account/passkeys/registration-options")).json().options;
    t.clock.advance(minutes(5));
    const { response } = authenticator.register(options);
    const late = await device.post("/api/v1/account/passkeys", { name: "Late", passkey: response });
    expect(late.statusCode).toBe(410);
    expect(errorCode(late)).toBe("PASSKEY_CHALLENGE_EXPIRED");
  });

  it("refuses a malformed answer with 400 VALIDATION_FAILED", async () => {
    const { device } = await member();
    for (const body of [
      { name: "X" },
      { name: "", passkey: {} },
      { name: "X", passkey: { id: "a", rawId: "a", type: "public-key", response: {} } },
    ]) {
      expect(errorCode(await device.post("/api/v1/account/passkeys", body))).toBe("VALIDATION_FAILED");
    }
  });
});

describe("renaming and removing passkeys", () => {
  it("renames a passkey of the account, recording both names, and answers 404 for another account's", async () => {
    const { device, accountId } = await member();
    const other = await member();
    const { passkey } = await addPasskey(device, "Old name");
    const renamed = await device.patch(`/api/v1/account/passkeys/${passkey.id}`, { name: "Laptop" });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().passkey.name).toBe("Laptop");
    const foreign = await other.device.patch(`/api/v1/account/passkeys/${passkey.id}`, { name: "Mine now" });
    expect(foreign.statusCode).toBe(404);
    expect(errorCode(foreign)).toBe("PASSKEY_NOT_FOUND");
    expect(await activityOf(device, "passkey_renamed")).toEqual([{ from: "Old name", to: "Laptop" }]);
    expect(await activityOf(other.device, "passkey_renamed")).toEqual([]);
    expect((await t.core.stores.audit.listByAccount(accountId, 20)).find((e) => e.type === "passkey_renamed")?.details).toEqual({
      passkeyId: passkey.id,
      from: "Old name",
      to: "Laptop",
    });
  });

  it("removes one after re-authentication, signs out other devices by default, and turns two-step off with the last", async () => {
    const { device, email, accountId } = await member();
    const { passkey } = await addPasskey(device, "Only one");
    await askForPasskey(device);
    const phone = t.phoneApp();
    expect((await passwordStep(t, phone, email)).methods).toEqual(["passkey", "backup_code"]);
    const tv = t.phoneApp({ name: "Signed in before" });
    // A device signed in with the passkey alone.
    expect((await passkeySignIn(tv, passkey)).statusCode).toBe(200);

    t.clock.advance(minutes(11));
    expect(errorCode(await device.post(`/api/v1/account/passkeys/${passkey.id}/remove`))).toBe("REAUTH_REQUIRED");
    await device.post("/api/v1/auth/reauthenticate", { password: STRONG_PASSWORD });
    const removed = await device.post(`/api/v1/account/passkeys/${passkey.id}/remove`);
    expect(removed.statusCode).toBe(200);
    expect(removed.json().signedOutOtherDevices).toBe(1);
    expect(errorCode(await tv.get("/api/v1/me"))).toBe("SESSION_REVOKED");
    expect((await device.get("/api/v1/me")).statusCode).toBe(200);
    expect((await device.get("/api/v1/account/security")).json().twoStep).toEqual({
      enabled: false,
      totp: false,
      passkeys: 0,
      passkeyStep: false,
      backupCodesLeft: 0,
    });
    const removedEvent = (await t.core.stores.audit.listByAccount(accountId, 30)).find((e) => e.type === "passkey_removed");
    expect(removedEvent?.details).toMatchObject({ passkeyId: passkey.id, passkeyName: "Only one", signedOutDevices: 1 });
    expect(errorCode(await device.post(`/api/v1/account/passkeys/${passkey.id}/remove`))).toBe("PASSKEY_NOT_FOUND");
    // Without a second factor the password alone signs in again.
    expect((await t.browser().signIn(email)).json().account.email).toBe(email);
  });
});

describe("signing in with a passkey alone", () => {
  it("needs no email: the discoverable passkey names the account; the session is at aal 2", async () => {
    const { device, email } = await member();
    const { passkey } = await addPasskey(device, "Laptop", { signOutOtherDevices: false });
    const browser = t.browser();
    const options = (await browser.post("/api/v1/auth/passkey/options")).json().options;
    expect(options.allowCredentials ?? []).toEqual([]);
    const response = await browser.post("/api/v1/auth/passkey", { passkey: authenticator.assert(passkey, options) });
    expect(response.statusCode).toBe(200);
    expect(response.json().account.email).toBe(email);
    const me = await browser.get("/api/v1/me");
    expect(me.statusCode).toBe(200);
    const session = (await t.core.stores.sessions.findById(browser.sessionToken!.split(".")[0]!))!;
    expect(session.aal).toBe(2);
    expect((await device.get("/api/v1/account/passkeys")).json().passkeys[0].lastUsedAt).not.toBeNull();
    expect(await activityOf(browser, "signed_in")).toContainEqual({
      deviceName: "Chrome on macOS",
      method: "passkey_only",
      passkeyName: "Laptop",
    });
  });

  it("refuses an unknown passkey with 401 PASSKEY_UNKNOWN, a replayed assertion, and another site's", async () => {
    const { device } = await member();
    const { passkey } = await addPasskey(device, "Laptop", { signOutOtherDevices: false });
    const stranger = authenticator.register({ challenge: "x", user: { id: "c29tZW9uZQ" } }).passkey;
    const browser = t.browser();
    const unknown = await passkeySignIn(browser, stranger);
    expect(unknown.statusCode).toBe(401);
    expect(errorCode(unknown)).toBe("PASSKEY_UNKNOWN");

    const options = (await browser.post("/api/v1/auth/passkey/options")).json().options;
    const assertion = authenticator.assert(passkey, options);
    expect((await browser.post("/api/v1/auth/passkey", { passkey: assertion })).statusCode).toBe(200);
    expect(errorCode(await t.browser().post("/api/v1/auth/passkey", { passkey: assertion }))).toBe("PASSKEY_INVALID");

    const fresh = (await browser.post("/api/v1/auth/passkey/options")).json().options;
    const phished = authenticator.assert(passkey, fresh, { origin: "https://evil.example" });
    expect(errorCode(await t.browser().post("/api/v1/auth/passkey", { passkey: phished }))).toBe("PASSKEY_INVALID");
  });

  it("refuses an assertion whose user handle names another account", async () => {
    const { device } = await member();
    const other = await member();
    const { passkey } = await addPasskey(device, "Laptop", { signOutOtherDevices: false });
    const browser = t.browser();
    const options = (await browser.post("/api/v1/auth/passkey/options")).json().options;
    const forged = { ...passkey, userHandle: Buffer.from(other.accountId).toString("base64url") };
    expect(errorCode(await browser.post("/api/v1/auth/passkey", { passkey: authenticator.assert(forged, options) }))).toBe(
      "PASSKEY_UNKNOWN",
    );
  });
});

describe("a passkey as the second step", () => {
  it("completes the challenge with one of the account's passkeys (options come with the challenge)", async () => {
    const { device, email } = await member();
    const { passkey } = await addPasskey(device, "Laptop", { signOutOtherDevices: false });
    await askForPasskey(device);
    const browser = t.browser();
    const step = await passwordStep(t, browser, email);
    expect(step.methods).toContain("passkey");
    const allowed = (step.passkeyOptions as unknown as { allowCredentials: { id: string }[] }).allowCredentials.map((c) => c.id);
    expect(allowed).toEqual([passkey.id]);
    const response = await browser.post("/api/v1/auth/two-step", {
      challenge: step.challenge,
      passkey: authenticator.assert(passkey, step.passkeyOptions!),
    });
    expect(response.statusCode).toBe(200);
    expect((await browser.get("/api/v1/me")).statusCode).toBe(200);
    expect(await activityOf(browser, "signed_in")).toContainEqual(expect.objectContaining({ method: "passkey", passkeyName: "Laptop" }));
  });

  it("refuses a passkey from another account with 401 PASSKEY_UNKNOWN", async () => {
    const mine = await member();
    const theirs = await member();
    await addPasskey(mine.device, "Mine", { signOutOtherDevices: false });
    await askForPasskey(mine.device);
    const { passkey: theirPasskey } = await addPasskey(theirs.device, "Theirs", { signOutOtherDevices: false });
    const browser = t.browser();
    const step = await passwordStep(t, browser, mine.email);
    const response = await browser.post("/api/v1/auth/two-step", {
      challenge: step.challenge,
      passkey: authenticator.assert(theirPasskey, step.passkeyOptions!),
    });
    expect(response.statusCode).toBe(401);
    expect(errorCode(response)).toBe("PASSKEY_UNKNOWN");
    expect(browser.sessionToken).toBeUndefined();
  });

  it("refuses an assertion made for another sign-in attempt's challenge with PASSKEY_INVALID", async () => {
    const { device, email } = await member();
    const { passkey } = await addPasskey(device, "Laptop", { signOutOtherDevices: false });
    await askForPasskey(device);
    const a = t.browser();
    const b = t.browser();
    const first = await passwordStep(t, a, email);
    const second = await passwordStep(t, b, email);
    const forFirst = authenticator.assert(passkey, first.passkeyOptions!);
    const response = await b.post("/api/v1/auth/two-step", { challenge: second.challenge, passkey: forFirst });
    expect(response.statusCode).toBe(400);
    expect(errorCode(response)).toBe("PASSKEY_INVALID");
    expect(b.sessionToken).toBeUndefined();
  });
});

describe("re-authenticating with a passkey", () => {
  it("proves it's you with one of the account's passkeys, and refuses another account's", async () => {
    const { device } = await member();
    const other = await member();
    const { passkey } = await addPasskey(device, "Laptop", { signOutOtherDevices: false });
    const { passkey: theirs } = await addPasskey(other.device, "Theirs", { signOutOtherDevices: false });
    t.clock.advance(minutes(11));
    const options = (await device.post("/api/v1/auth/reauthenticate/passkey-options")).json().options;
    const foreign = await device.post("/api/v1/auth/reauthenticate", { passkey: authenticator.assert(theirs, options) });
    expect(errorCode(foreign)).toBe("PASSKEY_UNKNOWN");
    const response = await device.post("/api/v1/auth/reauthenticate", { passkey: authenticator.assert(passkey, options) });
    expect(response.statusCode).toBe(200);
    expect(await activityOf(device, "reauthenticated")).toEqual([{ method: "passkey", passkeyName: "Laptop" }]);
    expect((await device.post("/api/v1/account/two-step/totp/setup")).statusCode).toBe(200);
  });
});
