// Contract of SessionStore: device sessions, their throttled activity and their revocation.
import { beforeEach, expect, it } from "vitest";
import { createStores } from "../../src/store/stores";
import { describeOnEachDatabase, recordingQueries } from "./each-database";
import { anAccount, aProfile, aSession, minutes } from "./fixtures";

describeOnEachDatabase("session store", (t) => {
  let accountId: string;
  beforeEach(async () => {
    const account = anAccount();
    await t.stores.accounts.create(account);
    accountId = account.id;
  });

  it("creates a session and reads every field back", async () => {
    const profile = aProfile(accountId);
    await t.stores.profiles.create(profile);
    const device = aSession(accountId, { profileId: profile.id, deviceKind: "tv", aal: 2, authenticatedAt: minutes(-3) });
    await t.stores.sessions.create(device);

    expect(await t.stores.sessions.findById(device.id)).toEqual(device);
    expect(await t.stores.sessions.findById("no-such-session")).toBeNull();
  });

  it("reads back a session without user agent or ip", async () => {
    const device = aSession(accountId, { userAgent: null, ip: null, deviceKind: "mobile" });
    await t.stores.sessions.create(device);
    expect(await t.stores.sessions.findById(device.id)).toEqual(device);
  });

  it("records activity, ip and the slid expiry when the last write is stale", async () => {
    const device = aSession(accountId);
    await t.stores.sessions.create(device);

    await t.stores.sessions.touch(device.id, { at: minutes(10), ip: "198.51.100.7", expiresAt: minutes(999) }, minutes(5));
    expect(await t.stores.sessions.findById(device.id)).toEqual({
      ...device,
      lastSeenAt: minutes(10),
      ip: "198.51.100.7",
      expiresAt: minutes(999),
    });
  });

  it("does not write activity while the last write is fresh", async () => {
    const device = aSession(accountId, { lastSeenAt: minutes(8) });
    await t.stores.sessions.create(device);

    await t.stores.sessions.touch(device.id, { at: minutes(10), ip: "198.51.100.7", expiresAt: minutes(999) }, minutes(5));
    await t.stores.sessions.touch(device.id, { at: minutes(10), ip: null, expiresAt: minutes(999) }, minutes(8));
    expect(await t.stores.sessions.findById(device.id)).toEqual(device);
  });

  it("touches in one statement", async () => {
    const device = aSession(accountId);
    await t.stores.sessions.create(device);
    const { db, statements } = recordingQueries(t.testDatabase.database);

    await createStores(db).sessions.touch(device.id, { at: minutes(10), ip: null, expiresAt: minutes(99) }, minutes(5));
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatch(/^update "session"/);
  });

  it("remembers the profile chosen on the device", async () => {
    const profile = aProfile(accountId);
    await t.stores.profiles.create(profile);
    const device = aSession(accountId);
    await t.stores.sessions.create(device);

    await t.stores.sessions.setProfile(device, profile.id);
    expect(await t.stores.sessions.findById(device.id)).toMatchObject({ profileId: profile.id });
  });

  it("revokes a live session once and keeps the first time and reason", async () => {
    const device = aSession(accountId);
    await t.stores.sessions.create(device);

    expect(await t.stores.sessions.revoke(device, minutes(1), "signed_out")).toBe(true);
    expect(await t.stores.sessions.revoke(device, minutes(2), "password_changed")).toBe(false);
    expect(await t.stores.sessions.findById(device.id)).toMatchObject({
      revokedAt: minutes(1),
      revokedReason: "signed_out",
    });
    expect(await t.stores.sessions.revoke({ id: "no-such-session", accountId: device.accountId }, minutes(1), "signed_out")).toBe(false);
  });

  it("revokes every live session of the account in one statement and leaves other accounts alone", async () => {
    const other = anAccount();
    await t.stores.accounts.create(other);
    const devices = [aSession(accountId), aSession(accountId, { deviceKind: "tv" }), aSession(accountId)];
    const signedOutEarlier = aSession(accountId, { revokedAt: minutes(-1), revokedReason: "signed_out" });
    const elsewhere = aSession(other.id);
    for (const s of [...devices, signedOutEarlier, elsewhere]) await t.stores.sessions.create(s);

    const { db, statements } = recordingQueries(t.testDatabase.database);
    const ended = await createStores(db).sessions.revokeAllForAccount(accountId, minutes(3), "signed_out_all_devices");

    expect(ended.sort()).toEqual(devices.map((s) => s.id).sort());
    expect(statements).toHaveLength(1);
    for (const s of devices) {
      expect(await t.stores.sessions.findById(s.id)).toMatchObject({
        revokedAt: minutes(3),
        revokedReason: "signed_out_all_devices",
      });
    }
    expect(await t.stores.sessions.findById(signedOutEarlier.id)).toEqual(signedOutEarlier);
    expect(await t.stores.sessions.findById(elsewhere.id)).toEqual(elsewhere);
  });

  it("keeps the excepted session when revoking the other devices", async () => {
    const current = aSession(accountId);
    const others = [aSession(accountId), aSession(accountId, { deviceKind: "mobile" })];
    for (const s of [current, ...others]) await t.stores.sessions.create(s);

    const ended = await t.stores.sessions.revokeAllForAccount(accountId, minutes(3), "signed_out_by_other_device", current.id);
    expect(ended.sort()).toEqual(others.map((s) => s.id).sort());
    expect(await t.stores.sessions.findById(current.id)).toEqual(current);
    expect(await t.stores.sessions.listLive(accountId, minutes(4))).toEqual([current]);
  });

  it("answers no ids when the account has no live session", async () => {
    expect(await t.stores.sessions.revokeAllForAccount(accountId, minutes(1), "password_changed")).toEqual([]);
  });

  it("lists the live sessions of the account, most recently active first", async () => {
    const other = anAccount();
    await t.stores.accounts.create(other);
    const quiet = aSession(accountId, { lastSeenAt: minutes(1) });
    const busy = aSession(accountId, { lastSeenAt: minutes(9) });
    const middling = aSession(accountId, { lastSeenAt: minutes(5) });
    const revoked = aSession(accountId, { lastSeenAt: minutes(9), revokedAt: minutes(9), revokedReason: "signed_out" });
    const expiresNow = aSession(accountId, { lastSeenAt: minutes(9), expiresAt: minutes(10) });
    const expired = aSession(accountId, { lastSeenAt: minutes(2), expiresAt: minutes(3) });
    const elsewhere = aSession(other.id, { lastSeenAt: minutes(9) });
    for (const s of [quiet, busy, middling, revoked, expiresNow, expired, elsewhere]) await t.stores.sessions.create(s);

    expect(await t.stores.sessions.listLive(accountId, minutes(10))).toEqual([busy, middling, quiet]);
  });

  it("reads a session in use with its account's email, whether it is verified, its plan, and the profile in use", async () => {
    const profile = aProfile(accountId);
    await t.stores.profiles.create(profile);
    const watching = aSession(accountId, { profileId: profile.id });
    const browsing = aSession(accountId);
    for (const s of [watching, browsing]) await t.stores.sessions.create(s);
    const email = (await t.stores.accounts.findById(accountId))!.email;

    const inUse = { accountEmail: email, accountEmailVerified: false, accountPlan: "standard" };
    expect(await t.stores.sessions.findInUse(watching.id)).toEqual({ session: watching, ...inUse, profile });
    expect(await t.stores.sessions.findInUse(browsing.id)).toEqual({ session: browsing, ...inUse, profile: null });
    expect(await t.stores.sessions.findInUse("no-such-session")).toBeNull();

    expect(await t.stores.accounts.markEmailVerified(accountId, email, minutes(1))).toBe(true);
    expect(await t.stores.sessions.findInUse(browsing.id)).toMatchObject({ accountEmail: email, accountEmailVerified: true });
  });

  it("answers concurrent reads of sessions in use in one statement, each with its own row", async () => {
    const devices = [
      aSession(accountId),
      aSession(accountId, { deviceKind: "tv" }),
      aSession(accountId, { revokedAt: minutes(1), revokedReason: "signed_out" }),
    ];
    for (const s of devices) await t.stores.sessions.create(s);
    const { db, statements } = recordingQueries(t.testDatabase.database);
    const sessions = createStores(db).sessions;

    const found = await Promise.all([
      ...devices.map((d) => sessions.findInUse(d.id)),
      sessions.findInUse(devices[0]!.id),
      sessions.findInUse("missing"),
    ]);
    expect(found.map((f) => f?.session ?? null)).toEqual([...devices, devices[0], null]);
    expect(statements).toHaveLength(1);
  });

  it("never answers a read of a session in use from a statement sent before the read", async () => {
    const device = aSession(accountId);
    await t.stores.sessions.create(device);
    const sessions = t.stores.sessions;

    const before = sessions.findInUse(device.id);
    // Let the first statement go out, then revoke, then read again while it may still be running.
    await new Promise((resolve) => setImmediate(resolve));
    await sessions.revoke(device, minutes(1), "signed_out_all_devices");
    const after = await sessions.findInUse(device.id);

    expect((await before)?.session.id).toBe(device.id);
    expect(after?.session).toMatchObject({ revokedAt: minutes(1), revokedReason: "signed_out_all_devices" });
  });
});
