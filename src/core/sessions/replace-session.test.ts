// Replacing a session after a new proof, inside a unit of work as every caller runs it: the old
// token ends, the new one keeps what the device had (or not, when it no longer exists), and
// other devices end only when asked.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type CoreTest, createCoreTest, freshContext, signInAnotherDevice, signUpViewer } from "../../../test/support/core-deps";
import { minutes } from "../clock";
import { createProfile } from "../profiles/manage-profiles";
import { inUnitOfWork } from "../unit-of-work";
import { issueSession } from "./issue-session";
import type { SessionRecord } from "./ports";
import { type ReplacedDevice, type ReplaceOptions, replaceSession } from "./replace-session";

let core: CoreTest;

beforeAll(async () => {
  core = await createCoreTest();
});
afterAll(async () => core?.close());
beforeEach(() => core.forget());

function replace(replaced: ReplacedDevice, options: Partial<ReplaceOptions> = {}) {
  return inUnitOfWork(core.deps, (stores) => replaceSession(core.deps, stores, replaced, { context: freshContext(), ...options }));
}

async function stored(session: { id: string }): Promise<SessionRecord> {
  const found = await core.deps.stores.sessions.findById(session.id);
  if (!found) throw new Error(`no session ${session.id}`);
  return found;
}

/** A second profile of the viewer's, chosen on this device; answers the session as it now reads. */
async function chooseNewProfile(session: SessionRecord, name: string): Promise<SessionRecord> {
  const profile = await createProfile(core.deps, session, { name }, freshContext());
  if (!profile.ok) throw new Error(profile.code);
  await core.deps.stores.sessions.setProfile(session, profile.value.id);
  return stored(session);
}

describe("replaceSession for a signed-in device", () => {
  it("ends the old session for the reason given and issues a new one, proven now, on the same device", async () => {
    const viewer = await signUpViewer(core, { kind: "mobile", name: "Pixel 9" });
    core.clock.advance(minutes(30));

    const replacement = await replace({ session: viewer.session, reason: "reauthenticated" });

    expect(await stored(viewer.session)).toMatchObject({ revokedAt: core.clock.now(), revokedReason: "reauthenticated" });
    expect(replacement.session.id).not.toBe(viewer.session.id);
    expect(replacement.token).not.toBe(viewer.token);
    expect(await stored(replacement.session)).toMatchObject({
      accountId: viewer.account.id,
      deviceKind: "mobile",
      deviceName: "Pixel 9",
      authenticatedAt: core.clock.now(),
      revokedAt: null,
    });
    expect(core.announced.accountsChanged).toEqual([viewer.account.id]);
  });

  it("keeps the profile chosen on the device", async () => {
    const viewer = await signUpViewer(core);
    const session = await chooseNewProfile(viewer.session, "Sam");

    const replacement = await replace({ session, reason: "reauthenticated" });

    expect((await stored(replacement.session)).profileId).toBe(session.profileId);
  });

  it("does not point the new session at a profile deleted meanwhile", async () => {
    const viewer = await signUpViewer(core);
    const session = await chooseNewProfile(viewer.session, "Sam");
    await core.deps.stores.profiles.delete(viewer.account.id, session.profileId!);

    const replacement = await replace({ session, reason: "reauthenticated" });

    expect((await stored(replacement.session)).profileId).toBeNull();
  });

  it("keeps the session's assurance level unless it is given one", async () => {
    const viewer = await signUpViewer(core);
    const twoStep = await core.deps.stores.transaction((stores) =>
      issueSession(core.deps, stores, {
        accountId: viewer.account.id,
        device: { kind: "web", name: "Firefox" },
        context: freshContext(),
        aal: 2,
      }),
    );

    const kept = await replace({ session: twoStep.session, reason: "reauthenticated" });
    expect(kept.session.aal).toBe(2);

    const lowered = await replace({ session: kept.session, reason: "reauthenticated" }, { aal: 1 });
    expect(lowered.session.aal).toBe(1);
  });

  it("ends every other session of the account for the reason given, and counts them, when asked to", async () => {
    const viewer = await signUpViewer(core);
    const phone = await signInAnotherDevice(core, viewer.account.id, { kind: "mobile", name: "iPhone" });
    const tv = await signInAnotherDevice(core, viewer.account.id, { kind: "tv", name: "Bedroom TV" });
    const stranger = await signUpViewer(core);

    const replacement = await replace(
      { session: viewer.session, reason: "password_changed" },
      { signOutOtherDevices: "signed_out_by_other_device" },
    );

    expect(replacement.signedOutOtherDevices).toBe(2);
    expect(await stored(viewer.session)).toMatchObject({ revokedReason: "password_changed" });
    expect(await stored(phone.session)).toMatchObject({ revokedReason: "signed_out_by_other_device" });
    expect(await stored(tv.session)).toMatchObject({ revokedReason: "signed_out_by_other_device" });
    expect((await stored(replacement.session)).revokedAt).toBeNull();
    expect((await stored(stranger.session)).revokedAt).toBeNull();
    expect(core.announced.accountsChanged).toEqual([viewer.account.id]);
  });

  it("leaves the other devices signed in when not asked to", async () => {
    const viewer = await signUpViewer(core);
    const phone = await signInAnotherDevice(core, viewer.account.id);

    const replacement = await replace({ session: viewer.session, reason: "reauthenticated" });

    expect(replacement.signedOutOtherDevices).toBe(0);
    expect((await stored(phone.session)).revokedAt).toBeNull();
  });
});

describe("replaceSession for a device proving itself anew (password reset)", () => {
  it("signs in the device named, at assurance 1 and with no profile, and ends every session of the account when asked to", async () => {
    const viewer = await signUpViewer(core);
    const phone = await signInAnotherDevice(core, viewer.account.id);

    const replacement = await replace(
      { accountId: viewer.account.id, device: { kind: "web", name: "Safari on iPad" } },
      { signOutOtherDevices: "password_changed" },
    );

    expect(replacement.signedOutOtherDevices).toBe(2);
    expect(await stored(viewer.session)).toMatchObject({ revokedReason: "password_changed" });
    expect(await stored(phone.session)).toMatchObject({ revokedReason: "password_changed" });
    expect(await stored(replacement.session)).toMatchObject({
      accountId: viewer.account.id,
      deviceKind: "web",
      deviceName: "Safari on iPad",
      profileId: null,
      aal: 1,
      revokedAt: null,
    });
    expect(core.announced.accountsChanged).toEqual([viewer.account.id]);
  });

  it("ends no session when not asked to", async () => {
    const viewer = await signUpViewer(core);

    const replacement = await replace({ accountId: viewer.account.id, device: { kind: "web", name: "Safari on iPad" } });

    expect(replacement.signedOutOtherDevices).toBe(0);
    expect((await stored(viewer.session)).revokedAt).toBeNull();
    expect(core.announced).toEqual({ outboxWritten: 0, accountsChanged: [] });
  });
});
