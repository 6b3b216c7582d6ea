// Changing the password, called as the route calls it, on a real (embedded) database: what a
// refusal leaves unchanged, and what one committed change does to the account, its devices,
// its audit log and its owner's mailbox.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  auditTypes,
  type CoreTest,
  createCoreTest,
  freshContext,
  outboxTemplates,
  signInAnotherDevice,
  signUpViewer,
  VIEWER_PASSWORD,
  type Viewer,
} from "../../../test/support/core-deps";
import type { SessionRecord } from "../sessions/ports";
import { type ChangePasswordInput, changePassword } from "./change-password";

let core: CoreTest;

beforeAll(async () => {
  core = await createCoreTest();
});
afterAll(async () => core?.close());
beforeEach(() => core.forget());

const NEW_PASSWORD = "amber-lantern-meadow-17";
const nothingAnnounced = { outboxWritten: 0, accountsChanged: [] };

function change(viewer: Viewer, input: Partial<ChangePasswordInput> = {}) {
  return changePassword(
    core.deps,
    viewer.session,
    { currentPassword: VIEWER_PASSWORD, newPassword: NEW_PASSWORD, signOutOtherDevices: false, ...input },
    freshContext(),
  );
}

async function passwordVerifies(accountId: string, password: string): Promise<boolean> {
  const account = await core.deps.stores.accounts.findById(accountId);
  return core.deps.passwords.verify(account!.passwordHash, password);
}

async function stored(session: { id: string }): Promise<SessionRecord> {
  const found = await core.deps.stores.sessions.findById(session.id);
  if (!found) throw new Error(`no session ${session.id}`);
  return found;
}

describe("changePassword refusals change nothing", () => {
  it("answers WRONG_PASSWORD for a wrong current password, and the old password still signs in", async () => {
    const viewer = await signUpViewer(core);

    expect(await change(viewer, { currentPassword: "not-the-password-at-all" })).toEqual({ ok: false, code: "WRONG_PASSWORD" });

    expect(await passwordVerifies(viewer.account.id, VIEWER_PASSWORD)).toBe(true);
    expect(await passwordVerifies(viewer.account.id, NEW_PASSWORD)).toBe(false);
    expect((await stored(viewer.session)).revokedAt).toBeNull();
    expect(await auditTypes(core, viewer.account.id)).not.toContain("password_changed");
    expect(await outboxTemplates(core, viewer.account.email)).not.toContain("password_changed");
    expect(core.announced).toEqual(nothingAnnounced);
  });

  it("answers PASSWORD_UNCHANGED for the same password again, and keeps this device's session", async () => {
    const viewer = await signUpViewer(core);

    expect(await change(viewer, { newPassword: VIEWER_PASSWORD })).toEqual({ ok: false, code: "PASSWORD_UNCHANGED" });

    expect((await stored(viewer.session)).revokedAt).toBeNull();
    expect(await auditTypes(core, viewer.account.id)).not.toContain("password_changed");
    expect(core.announced).toEqual(nothingAnnounced);
  });
});

describe("changePassword", () => {
  it("stores the new password: it verifies and the old one no longer does", async () => {
    const viewer = await signUpViewer(core);

    expect((await change(viewer)).ok).toBe(true);

    expect(await passwordVerifies(viewer.account.id, NEW_PASSWORD)).toBe(true);
    expect(await passwordVerifies(viewer.account.id, VIEWER_PASSWORD)).toBe(false);
  });

  it("ends this device's session for password_changed and hands it a replacement on the same device", async () => {
    const viewer = await signUpViewer(core, { kind: "mobile", name: "Pixel 9" });

    const result = await change(viewer);
    if (!result.ok) throw new Error(result.code);
    const { replacement } = result.value;

    expect(await stored(viewer.session)).toMatchObject({ revokedReason: "password_changed" });
    expect(replacement.session.id).not.toBe(viewer.session.id);
    expect(await stored(replacement.session)).toMatchObject({ deviceKind: "mobile", deviceName: "Pixel 9", revokedAt: null });
  });

  it('leaves the other devices signed in when "require all devices to sign in again" is not checked', async () => {
    const viewer = await signUpViewer(core);
    const phone = await signInAnotherDevice(core, viewer.account.id);

    const result = await change(viewer, { signOutOtherDevices: false });

    expect(result).toMatchObject({ ok: true, value: { signedOutOtherDevices: 0 } });
    expect((await stored(phone.session)).revokedAt).toBeNull();
  });

  it('signs out every other device, and counts them, when "require all devices to sign in again" is checked', async () => {
    const viewer = await signUpViewer(core);
    const phone = await signInAnotherDevice(core, viewer.account.id, { kind: "mobile", name: "iPhone" });
    const tv = await signInAnotherDevice(core, viewer.account.id, { kind: "tv", name: "Living room TV" });

    const result = await change(viewer, { signOutOtherDevices: true });
    if (!result.ok) throw new Error(result.code);

    expect(result.value.signedOutOtherDevices).toBe(2);
    expect(await stored(phone.session)).toMatchObject({ revokedReason: "password_changed" });
    expect(await stored(tv.session)).toMatchObject({ revokedReason: "password_changed" });
    expect((await stored(result.value.replacement.session)).revokedAt).toBeNull();
  });

  it("records the change in the audit log and emails the owner a password_changed notice", async () => {
    const viewer = await signUpViewer(core);
    await signInAnotherDevice(core, viewer.account.id);

    const result = await change(viewer, { signOutOtherDevices: true });
    if (!result.ok) throw new Error(result.code);

    const events = await core.deps.stores.audit.listByAccount(viewer.account.id, 100);
    expect(events.find((event) => event.type === "password_changed")).toMatchObject({
      sessionId: result.value.replacement.session.id,
      details: { requireAllDevicesToSignIn: true, signedOutDevices: 1 },
    });
    expect(await outboxTemplates(core, viewer.account.email)).toContain("password_changed");
  });

  it("announces the notice and the ended sessions once committed, one call each", async () => {
    const viewer = await signUpViewer(core);
    await signInAnotherDevice(core, viewer.account.id);

    await change(viewer, { signOutOtherDevices: true });

    expect(core.announced).toEqual({ outboxWritten: 1, accountsChanged: [viewer.account.id] });
  });
});
