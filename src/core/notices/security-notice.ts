// Security notices: an email to the account's address telling of a change, written in the
// transaction of the change itself (so a committed change always has its notice, and a
// rolled-back one never). The unit of work wakes delivery once it has committed.

import type { AccountRecord } from "../accounts/ports";
import type { Stores } from "../ports";

export type SecurityNotice =
  | { template: "new_sign_in"; payload: { device: string; ip: string | null; at: string } }
  | { template: "password_changed"; payload: { at: string } }
  | { template: "email_changed"; payload: { newEmail: string; at: string } }
  | { template: "phone_changed"; payload: { phone: string; change: "added" | "changed" | "removed"; at: string } }
  | {
      template: "two_step_changed";
      payload: {
        change: "two_step_on" | "two_step_off" | "two_step_reset" | "passkey_added" | "passkey_removed" | "backup_codes_renewed";
        at: string;
      };
    }
  | { template: "account_locked"; payload: { at: string } }
  | { template: "account_unlocked"; payload: { at: string } }
  | { template: "signed_out_all_devices"; payload: { at: string } }
  | { template: "plan_changed"; payload: { plan: string; screens: number; downgrade: boolean; at: string } }
  | { template: "parental_controls_changed"; payload: { profile: string; at: string } };

/** Writes the notice to the account (by id, or as the caller has just read it). */
export async function writeSecurityNotice(
  stores: Stores,
  to: string | Pick<AccountRecord, "id" | "email">,
  notice: SecurityNotice,
  at: Date,
): Promise<void> {
  const account = typeof to === "string" ? await stores.accounts.findById(to) : to;
  if (!account) return;
  await stores.outbox.enqueue({
    channel: "email",
    recipient: account.email,
    accountId: account.id,
    template: notice.template,
    payload: notice.payload,
    createdAt: at,
  });
}
