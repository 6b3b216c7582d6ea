// Signing out, called as the routes call it, on a real (embedded) database with a moved clock:
// who is signed out, what is written, and what is announced once it has committed.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  auditTypes,
  type CoreTest,
  createCoreTest,
  freshContext,
  outboxTemplates,
  signInAnotherDevice,
  signUpViewer,
  type Viewer,
} from "../../../test/support/core-deps";
import { days } from "../clock";
import { cryptoRandom } from "../crypto/random";
import type { SessionRecord } from "./ports";
import { newSessionToken } from "./session-token";
import { signOut, signOutAllDevices, signOutDevice, signOutOtherDevices } from "./sign-out";

let core: CoreTest;

beforeAll(async () => {
  core = await createCoreTest();
});
afterAll(async () => core?.close());
beforeEach(() => core.forget());

const nothingAnnounced = { outboxWritten: 0, accountsChanged: [] };

async function stored(session: { id: string }): Promise<SessionRecord> {
  const found = await core.deps.stores.sessions.findById(session.id);
  if (!found) throw new Error(`no session ${session.id}`);
  return found;
}

/** A viewer signed in on a browser (this device), a phone and a TV. */
async function viewerOnThreeDevices(): Promise<{ viewer: Viewer; phone: SessionRecord; tv: SessionRecord }> {
  const viewer = await signUpViewer(core);
  const phone = await signInAnotherDevice(core, viewer.account.id, { kind: "mobile", name: "iPhone" });
  const tv = await signInAnotherDevice(core, viewer.account.id, { kind: "tv", name: "Living room TV" });
  return { viewer, phone: phone.session, tv: tv.session };
}

/** Past the re-authentication window of every session signed in so far. */
const letTheProofGoStale = () => core.clock.advance(core.deps.config.reauthWindowMs);

describe("signOut", () => {
  it("ends this device's session only, records signed_out and tells the account's screens", async () => {
    const { viewer, phone } = await viewerOnThreeDevices();

    await signOut(core.deps, viewer.session, freshContext());

    expect(await stored(viewer.session)).toMatchObject({ revokedAt: core.clock.now(), revokedReason: "signed_out" });
    expect((await stored(phone)).revokedAt).toBeNull();
    expect(await auditTypes(core, viewer.account.id)).toContain("signed_out");
    expect(core.announced).toEqual({ outboxWritten: 0, accountsChanged: [viewer.account.id] });
  });
});

describe("signOutAllDevices", () => {
  it("signs out every device of the account, this one included, and answers how many", async () => {
    const { viewer, phone, tv } = await viewerOnThreeDevices();
    const stranger = await signUpViewer(core);

    expect(await signOutAllDevices(core.deps, viewer.session, freshContext())).toEqual({ ok: true, value: 3 });

    for (const session of [viewer.session, phone, tv]) {
      expect(await stored(session)).toMatchObject({ revokedReason: "signed_out_all_devices" });
    }
    expect((await stored(stranger.session)).revokedAt).toBeNull();
    expect(await auditTypes(core, viewer.account.id)).toContain("signed_out_all_devices");
  });

  it("emails the owner a security notice and announces it and the revocations once committed", async () => {
    const { viewer } = await viewerOnThreeDevices();

    await signOutAllDevices(core.deps, viewer.session, freshContext());

    expect(await outboxTemplates(core, viewer.account.email)).toContain("signed_out_all_devices");
    expect(core.announced).toEqual({ outboxWritten: 1, accountsChanged: [viewer.account.id] });
  });

  it("answers REAUTH_REQUIRED once the re-authentication window has passed, and signs nobody out", async () => {
    const { viewer, phone } = await viewerOnThreeDevices();
    letTheProofGoStale();

    expect(await signOutAllDevices(core.deps, viewer.session, freshContext())).toEqual({ ok: false, code: "REAUTH_REQUIRED" });
    expect((await stored(viewer.session)).revokedAt).toBeNull();
    expect((await stored(phone)).revokedAt).toBeNull();
    expect(await outboxTemplates(core, viewer.account.email)).not.toContain("signed_out_all_devices");
    expect(core.announced).toEqual(nothingAnnounced);
  });
});

describe("signOutOtherDevices", () => {
  it("signs out every other device, keeps this one, and answers how many it signed out", async () => {
    const { viewer, phone, tv } = await viewerOnThreeDevices();

    expect(await signOutOtherDevices(core.deps, viewer.session, freshContext())).toEqual({ ok: true, value: 2 });

    expect((await stored(viewer.session)).revokedAt).toBeNull();
    expect(await stored(phone)).toMatchObject({ revokedReason: "signed_out_by_other_device" });
    expect(await stored(tv)).toMatchObject({ revokedReason: "signed_out_by_other_device" });
    expect(await auditTypes(core, viewer.account.id)).toContain("signed_out_other_devices");
    expect(core.announced).toEqual({ outboxWritten: 0, accountsChanged: [viewer.account.id] });
  });

  it("answers 0 and announces nothing when this is the only device", async () => {
    const viewer = await signUpViewer(core);

    expect(await signOutOtherDevices(core.deps, viewer.session, freshContext())).toEqual({ ok: true, value: 0 });
    expect(core.announced).toEqual(nothingAnnounced);
  });

  it("answers REAUTH_REQUIRED once the re-authentication window has passed, and signs nobody out", async () => {
    const { viewer, phone } = await viewerOnThreeDevices();
    letTheProofGoStale();

    expect(await signOutOtherDevices(core.deps, viewer.session, freshContext())).toEqual({ ok: false, code: "REAUTH_REQUIRED" });
    expect((await stored(phone)).revokedAt).toBeNull();
    expect(core.announced).toEqual(nothingAnnounced);
  });
});

describe("signOutDevice", () => {
  it("signs out another device of the account from the device list", async () => {
    const { viewer, phone, tv } = await viewerOnThreeDevices();

    expect(await signOutDevice(core.deps, viewer.session, phone.id, freshContext())).toEqual({ ok: true, value: { wasThisDevice: false } });

    expect(await stored(phone)).toMatchObject({ revokedReason: "signed_out_by_other_device" });
    expect((await stored(tv)).revokedAt).toBeNull();
    expect((await stored(viewer.session)).revokedAt).toBeNull();
    expect(await auditTypes(core, viewer.account.id)).toContain("signed_out_device");
    expect(core.announced).toEqual({ outboxWritten: 0, accountsChanged: [viewer.account.id] });
  });

  it("signs out this device when it is the one picked, as a plain sign-out", async () => {
    const { viewer } = await viewerOnThreeDevices();

    expect(await signOutDevice(core.deps, viewer.session, viewer.session.id, freshContext())).toEqual({
      ok: true,
      value: { wasThisDevice: true },
    });
    expect(await stored(viewer.session)).toMatchObject({ revokedReason: "signed_out" });
  });

  it("answers another account's session exactly like a missing one, SESSION_NOT_FOUND, and leaves it signed in", async () => {
    const viewer = await signUpViewer(core);
    const stranger = await signUpViewer(core);

    const foreign = await signOutDevice(core.deps, viewer.session, stranger.session.id, freshContext());
    const missing = await signOutDevice(core.deps, viewer.session, newSessionToken(cryptoRandom).id, freshContext());

    expect(foreign).toEqual({ ok: false, code: "SESSION_NOT_FOUND" });
    expect(foreign).toEqual(missing);
    expect((await stored(stranger.session)).revokedAt).toBeNull();
    expect(await auditTypes(core, viewer.account.id)).not.toContain("signed_out_device");
    expect(core.announced).toEqual(nothingAnnounced);
  });

  it("answers SESSION_NOT_FOUND for a device already signed out, keeping the first reason", async () => {
    const { viewer, phone } = await viewerOnThreeDevices();
    await signOut(core.deps, phone, freshContext());
    core.forget();

    expect(await signOutDevice(core.deps, viewer.session, phone.id, freshContext())).toEqual({ ok: false, code: "SESSION_NOT_FOUND" });
    expect(await stored(phone)).toMatchObject({ revokedReason: "signed_out" });
    expect(core.announced).toEqual(nothingAnnounced);
  });

  it("answers SESSION_NOT_FOUND for a device whose session has expired", async () => {
    const { viewer, phone } = await viewerOnThreeDevices();
    core.clock.advance(core.deps.config.sessions.idleMs.mobile + days(1));

    expect(await signOutDevice(core.deps, viewer.session, phone.id, freshContext())).toEqual({ ok: false, code: "SESSION_NOT_FOUND" });
  });
});
