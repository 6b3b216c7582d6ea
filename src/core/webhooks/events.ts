// The events the platform's services hear by webhook, and how one is published: one outbox
// message per endpoint that wants it, written in the transaction of the change it reports,
// so a committed change is always announced and a rolled-back one never is. Each message's
// id is the webhook's id: stable across retries, for the receiver's de-duplication.
import type { AuditEventInput } from "../audit/ports";
import type { Stores } from "../ports";
import type { RevokedReason, SessionRef } from "../sessions/ports";
import type { WebhookEventType } from "./ports";

export interface WebhookEvent {
  type: WebhookEventType;
  at: Date;
  /** Ids and kinds only: never an email, a phone number, a token or a code. */
  data: Record<string, unknown>;
}

export async function publishWebhookEvent(stores: Pick<Stores, "webhookEndpoints" | "outbox">, event: WebhookEvent): Promise<void> {
  for (const endpointId of await stores.webhookEndpoints.subscribedTo(event.type)) {
    await stores.outbox.enqueue({
      channel: "webhook",
      recipient: endpointId,
      template: event.type,
      payload: event.data,
      createdAt: event.at,
    });
  }
}

export const sessionRevoked = (session: SessionRef, at: Date, reason: RevokedReason): WebhookEvent => ({
  type: "session.revoked",
  at,
  data: { account_id: session.accountId, session_id: session.id, reason },
});

/** The profile a session watches as was chosen, renamed, made Kids or not, or deleted (null). */
export const profileChanged = (session: SessionRef, profileId: string | null, at: Date): WebhookEvent => ({
  type: "session.claims_changed",
  at,
  data: { account_id: session.accountId, session_id: session.id, changed: ["profile"], profile_id: profileId },
});

/** The account and everything that named it are gone: a receiver erases what it keeps of it. */
export const accountDeleted = (accountId: string, at: Date): WebhookEvent => ({
  type: "account.deleted",
  at,
  data: { account_id: accountId },
});

/** Audit events that announce a change of the account's security settings. */
const accountChanges: Partial<Record<string, { type: WebhookEventType; change?: string }>> = {
  password_changed: { type: "account.password_changed", change: "changed" },
  password_reset: { type: "account.password_changed", change: "reset" },
  email_changed: { type: "account.email_changed" },
  phone_added: { type: "account.phone_changed", change: "added" },
  phone_changed: { type: "account.phone_changed", change: "changed" },
  phone_verified: { type: "account.phone_changed", change: "verified" },
  phone_removed: { type: "account.phone_changed", change: "removed" },
  two_step_enabled: { type: "account.two_step_changed", change: "enabled" },
  two_step_disabled: { type: "account.two_step_changed", change: "disabled" },
  plan_changed: { type: "account.plan_changed" },
  parental_controls_changed: { type: "account.parental_controls_changed" },
  two_step_reset: { type: "account.two_step_changed", change: "reset" },
  account_locked: { type: "account.locked" },
  account_unlocked: { type: "account.unlocked" },
};

/** The webhook event an audit event announces, if it announces one. */
export function accountEventOf(audit: AuditEventInput): WebhookEvent | null {
  const mapped = accountChanges[audit.type];
  if (!mapped || audit.accountId === null) return null;
  const data: Record<string, unknown> = { account_id: audit.accountId };
  if (mapped.change) data.change = mapped.change;
  // A plan is no secret: the receiver learns the new one without asking.
  if (audit.type === "plan_changed") data.plan = audit.details.to;
  // Ids only: which profile, so a receiver reads its limits again (introspection names them).
  if (audit.type === "parental_controls_changed") data.profile_id = audit.details.profileId;
  return { type: mapped.type, at: audit.at, data };
}
