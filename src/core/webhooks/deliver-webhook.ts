// Sends one webhook message from the outbox to its endpoint, signed by the Standard Webhooks
// scheme (the adapter signs: core never sees a signing library). The message id is the
// webhook id, the same on every retry, so a receiver can drop what it already handled. The
// endpoint's health is updated either way, for `usher webhooks list`.
import type { Clock } from "../clock";
import type { OutboxMessageRecord } from "../delivery/ports";
import { PermanentDeliveryError } from "../delivery/senders";
import { openSigningSecret } from "./endpoints";
import type { WebhookEndpointStore } from "./ports";

export interface WebhookRequest {
  url: string;
  /** "whsec_…" */
  secret: string;
  id: string;
  timestamp: Date;
  /** The JSON body, exactly as signed. */
  body: string;
}

/** Resolves when the receiver answered 2xx; throws otherwise. */
export interface WebhookSender {
  send(request: WebhookRequest): Promise<void>;
}

export interface WebhookDeliveryDeps {
  stores: { webhookEndpoints: WebhookEndpointStore };
  clock: Clock;
  keys: { webhookSecrets: Buffer };
  sender: WebhookSender;
}

/** The body every receiver gets: Standard Webhooks' recommended shape. */
export function webhookBody(message: Pick<OutboxMessageRecord, "template" | "createdAt" | "payload">): string {
  return JSON.stringify({ type: message.template, timestamp: message.createdAt.toISOString(), data: message.payload });
}

/** Answers false when the endpoint is gone: the message has nowhere to go and is dropped. */
export async function deliverWebhook(deps: WebhookDeliveryDeps, message: OutboxMessageRecord): Promise<boolean> {
  const endpoint = await deps.stores.webhookEndpoints.find(message.recipient);
  if (!endpoint) return false;
  const secret = openSigningSecret(deps.keys.webhookSecrets, endpoint);
  if (!secret) throw new PermanentDeliveryError("the endpoint's signing secret was sealed with another SECRET_KEY; add it again");
  try {
    await deps.sender.send({ url: endpoint.url, secret, id: `msg_${message.id}`, timestamp: deps.clock.now(), body: webhookBody(message) });
  } catch (error) {
    await deps.stores.webhookEndpoints.recordFailed(endpoint.id, deps.clock.now(), failureText(error));
    throw error;
  }
  await deps.stores.webhookEndpoints.recordDelivered(endpoint.id, deps.clock.now());
  return true;
}

const failureText = (error: unknown): string =>
  (error instanceof Error ? `${error.name}: ${error.message}` : "unknown error").slice(0, 300);
