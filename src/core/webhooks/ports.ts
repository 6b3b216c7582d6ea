// What webhooks need stored: the endpoints that receive signed events, with their health.
// The events themselves travel in the outbox (channel "webhook", one message per endpoint).

/** The events a receiver may subscribe to. */
export const webhookEventTypes = [
  "session.revoked",
  "session.claims_changed",
  "account.password_changed",
  "account.email_changed",
  "account.phone_changed",
  "account.two_step_changed",
  "account.plan_changed",
  "account.parental_controls_changed",
  "account.locked",
  "account.unlocked",
  "account.deleted",
] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];

export interface WebhookEndpointRecord {
  id: string;
  url: string;
  /** The signing secret ("whsec_…"), sealed with the webhook key: it is read back to sign. */
  secretSealed: string;
  eventTypes: WebhookEventType[];
  source: "config" | "cli";
  createdAt: Date;
  /** Failed tries since the last delivery. */
  consecutiveFailures: number;
  /** When the first of those failed; null while the endpoint is healthy. */
  failingSince: Date | null;
  lastError: string | null;
  lastDeliveredAt: Date | null;
}

export interface WebhookEndpointStore {
  find(id: string): Promise<WebhookEndpointRecord | null>;
  /** Oldest first. */
  list(): Promise<WebhookEndpointRecord[]>;
  /** The ids of the endpoints that want this event. */
  subscribedTo(type: WebhookEventType): Promise<string[]>;
  /** False when the id is taken. */
  add(endpoint: WebhookEndpointRecord): Promise<boolean>;
  /** False when there was no such endpoint. */
  remove(id: string): Promise<boolean>;
  /**
   * Makes the configured endpoints exactly `endpoints`: adds and updates them (keeping their
   * health) and removes configured ones no longer named. Endpoints added by the CLI stay.
   */
  replaceConfigured(endpoints: readonly WebhookEndpointRecord[]): Promise<void>;
  recordDelivered(id: string, at: Date): Promise<void>;
  recordFailed(id: string, at: Date, error: string): Promise<void>;
}
