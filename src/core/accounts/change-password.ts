// Change password. The device that changes it always gets a new token (the old one dies);
// with "Require all devices to sign in again" every other device is signed out too.
import { auditEvent } from "../audit/events";
import type { CoreDeps, RequestContext } from "../deps";
import { checkNewPassword, normalizePassword } from "../passwords/policy";
import type { SessionRecord } from "../ports";
import { fail, ok, type Result } from "../result";
import { issueSession, type IssuedSession } from "../sessions/issue-session";
import { checkCurrentPassword } from "./check-current-password";
import { writeSecurityNotice } from "../notices/security-notice";

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
  requireAllDevicesToSignIn: boolean;
}

export type ChangePasswordFailure =
  | "WRONG_PASSWORD"
  | "RATE_LIMITED"
  | "UNAUTHENTICATED"
  | "PASSWORD_TOO_SHORT"
  | "PASSWORD_TOO_LONG"
  | "PASSWORD_TOO_COMMON"
  | "PASSWORD_UNCHANGED";

export interface PasswordChanged {
  signedOutDevices: number;
  /** This device's replacement session. */
  replacement: IssuedSession;
}

export async function changePassword(
  deps: CoreDeps,
  current: SessionRecord,
  input: ChangePasswordInput,
  context: RequestContext,
): Promise<Result<PasswordChanged, ChangePasswordFailure>> {
  const checked = await checkCurrentPassword(deps, current.accountId, input.currentPassword, context);
  if (!checked.ok) return checked;
  const newPassword = checkNewPassword(input.newPassword);
  if (!newPassword.ok) return newPassword;
  if (newPassword.value === normalizePassword(input.currentPassword)) return fail("PASSWORD_UNCHANGED");
  const passwordHash = await deps.passwords.hash(newPassword.value);

  const changed = await deps.stores.transaction(async (stores) => {
    const at = deps.clock.now();
    await stores.accounts.updatePassword(current.accountId, passwordHash, at);
    // The chosen profile may have been deleted since this request was authenticated. The
    // account row just updated is the lock deleteProfile takes, so this read is current.
    const profileId =
      current.profileId && (await stores.profiles.find(current.accountId, current.profileId)) ? current.profileId : null;
    await stores.sessions.revoke(current.id, at, "password_changed");
    const signedOutDevices = input.requireAllDevicesToSignIn
      ? await stores.sessions.revokeAllForAccount(current.accountId, at, "password_changed", current.id)
      : 0;
    const replacement = await issueSession(deps, stores, {
      accountId: current.accountId,
      device: { kind: current.deviceKind, name: current.deviceName },
      profileId,
      context,
    });
    await stores.audit.record(
      auditEvent("password_changed", { accountId: current.accountId, sessionId: replacement.session.id }, context, at, {
        requireAllDevicesToSignIn: input.requireAllDevicesToSignIn,
        signedOutDevices,
      }),
    );
    await writeSecurityNotice(stores, current.accountId, { template: "password_changed", payload: { at: at.toISOString() } }, at);
    return ok({ signedOutDevices, replacement });
  });
  if (changed.ok) {
    deps.sessionsRevoked(current.accountId);
    deps.outboxWritten();
  }
  return changed;
}
