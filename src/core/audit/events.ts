// The audit log: every security-relevant thing that happens to an account. Details name what
// an event is about, by the name it had then (the passkey, the device, the profile, the phone's
// masked ending), so the owner reads "Passkey removed: Pixel 8"; they never hold a secret: no
// token, code, hash or whole phone number.

import type { RequestContext } from "../deps";
import type { AuditEventInput } from "./ports";

export type AuditEventType =
  | "account_created"
  | "signed_in"
  | "sign_in_failed"
  | "sign_in_code_required"
  | "sign_in_code_requested"
  | "signed_out"
  | "signed_out_all_devices"
  | "signed_out_other_devices"
  | "signed_out_device"
  | "password_changed"
  | "password_check_failed"
  | "phone_added"
  | "phone_changed"
  | "phone_verified"
  | "phone_removed"
  // Profile changes name the profile changed and the one acting (see profiles/profile-change.ts).
  | "profile_created"
  | "profile_updated"
  | "profile_deleted"
  // TV sign-in
  | "tv_sign_in_approved"
  | "tv_sign_in_denied"
  | "reauthenticated"
  | "reauth_failed"
  | "two_step_enabled"
  | "two_step_disabled"
  | "two_step_failed"
  | "backup_codes_generated"
  | "backup_code_used"
  | "passkey_added"
  | "passkey_renamed"
  | "passkey_removed"
  | "profile_pin_set"
  | "profile_pin_changed"
  | "profile_pin_removed"
  | "profile_pin_failed"
  | "profile_lock_setting_changed"
  // Profile & Parental Controls: the rating, blocked titles (by name) and the Exit Kids password setting.
  | "parental_controls_changed"
  | "email_verified"
  | "password_reset_requested"
  | "password_reset"
  | "email_change_requested"
  | "email_changed"
  | "plan_changed"
  // Watching: a stream started (the title, the profile, the device), or stopped from another device.
  | "watching_started"
  | "watching_stopped"
  // Support (usher accounts / sessions / two-step): details name the operator and say by: "support".
  | "account_locked"
  | "account_unlocked"
  | "signed_out_by_support"
  | "two_step_reset"
  // The owner's or support's: a copy of the account's data was handed over.
  | "data_exported"
  // Written without the account (it is gone): only its id, and who deleted it.
  | "account_deleted";

export function auditEvent(
  type: AuditEventType,
  who: { accountId: string | null; sessionId?: string | null },
  context: RequestContext,
  at: Date,
  details: Record<string, unknown> = {},
): AuditEventInput {
  return {
    type,
    accountId: who.accountId,
    sessionId: who.sessionId ?? null,
    ip: context.ip,
    userAgent: context.userAgent,
    requestId: context.requestId ?? null,
    at,
    details,
  };
}
