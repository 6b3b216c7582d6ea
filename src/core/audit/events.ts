// The audit log: every security-relevant thing that happens to an account.
import type { AuditEventInput } from "../ports";
import type { RequestContext } from "../deps";

export type AuditEventType =
  | "account_created"
  | "signed_in"
  | "sign_in_failed"
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
  | "profile_created"
  | "profile_deleted"
  // Issue 6
  | "email_verified"
  | "password_reset_requested"
  | "password_reset"
  | "email_change_requested"
  | "email_changed";

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
    at,
    details,
  };
}
