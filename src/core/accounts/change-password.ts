// Change password. The device that changes it always gets a new token (the old one dies);
// with "Require all devices to sign in again" every other device is signed out too.
import { auditEvent } from "../audit/events";
import type { CoreDeps, RequestContext } from "../deps";
import { writeSecurityNotice } from "../notices/security-notice";
import { checkCurrentPassword } from "../passwords/check-current-password";
import { checkNewPassword, normalizePassword } from "../passwords/policy";
import { fail, ok, type Result } from "../result";
import type { IssuedSession } from "../sessions/issue-session";
import type { SessionRecord } from "../sessions/ports";
import { replaceSession } from "../sessions/replace-session";
import { inUnitOfWork } from "../unit-of-work";

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
  signOutOtherDevices: boolean;
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
  signedOutOtherDevices: number;
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

  return inUnitOfWork(deps, async (stores) => {
    const at = deps.clock.now();
    await stores.accounts.updatePassword(current.accountId, passwordHash, at);
    // The account row just updated is the lock deleteProfile takes, so the replacement's
    // check that the chosen profile still exists reads the current state.
    const replacement = await replaceSession(
      deps,
      stores,
      { session: current, reason: "password_changed" },
      {
        context,
        signOutOtherDevices: input.signOutOtherDevices ? "password_changed" : undefined,
      },
    );
    const { signedOutOtherDevices } = replacement;
    await stores.audit.record(
      auditEvent("password_changed", { accountId: current.accountId, sessionId: replacement.session.id }, context, at, {
        // The audit log's stored names.
        requireAllDevicesToSignIn: input.signOutOtherDevices,
        signedOutDevices: signedOutOtherDevices,
      }),
    );
    await writeSecurityNotice(stores, current.accountId, { template: "password_changed", payload: { at: at.toISOString() } }, at);
    return ok({ signedOutOtherDevices, replacement });
  });
}
