// Webhook endpoints: where signed events go, each with its own signing secret and the event
// types it wants. Added by the CLI, or named in configuration and written to the database at
// start, so that every node and the CLI read one list, with each endpoint's delivery health.
import type { Clock } from "../clock";
import type { Random } from "../crypto/ports";
import { decryptSecret, encryptSecret } from "../crypto/secret-box";
import type { WebhookEndpointRecord, WebhookEndpointStore, WebhookEventType } from "./ports";

export const WEBHOOK_ENDPOINT_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** What an operator names: the signing secret is theirs (configuration) or made here (CLI). */
export interface WebhookEndpointSpec {
  id: string;
  url: string;
  eventTypes: WebhookEventType[];
}

interface EndpointDeps {
  stores: { webhookEndpoints: WebhookEndpointStore };
  clock: Clock;
  random: Random;
  keys: { webhookSecrets: Buffer };
}

/** A Standard Webhooks signing secret: "whsec_" and 32 random bytes, base64. */
export const newSigningSecret = (random: Random): string => `whsec_${random.bytes(32).toString("base64")}`;

const purpose = (endpointId: string): string => `webhook-endpoint:${endpointId}`;

export const sealSigningSecret = (key: Buffer, endpointId: string, secret: string): string =>
  encryptSecret(key, secret, purpose(endpointId));

/** The endpoint's signing secret, or null when it was sealed under another key. */
export const openSigningSecret = (key: Buffer, endpoint: Pick<WebhookEndpointRecord, "id" | "secretSealed">): string | null =>
  decryptSecret(key, endpoint.secretSealed, purpose(endpoint.id));

function newRecord(deps: EndpointDeps, spec: WebhookEndpointSpec, secret: string, source: WebhookEndpointRecord["source"]) {
  return {
    ...spec,
    secretSealed: sealSigningSecret(deps.keys.webhookSecrets, spec.id, secret),
    source,
    createdAt: deps.clock.now(),
    consecutiveFailures: 0,
    failingSince: null,
    lastError: null,
    lastDeliveredAt: null,
  } satisfies WebhookEndpointRecord;
}

/** `usher webhooks add`: the endpoint and its signing secret, shown once. */
export async function addWebhookEndpoint(
  deps: EndpointDeps,
  spec: WebhookEndpointSpec,
): Promise<{ ok: true; secret: string } | { ok: false; code: "ENDPOINT_EXISTS" }> {
  const secret = newSigningSecret(deps.random);
  const added = await deps.stores.webhookEndpoints.add(newRecord(deps, spec, secret, "cli"));
  return added ? { ok: true, secret } : { ok: false, code: "ENDPOINT_EXISTS" };
}

/** At start: the configured endpoints replace the ones configured before. */
export async function applyConfiguredEndpoints(
  deps: EndpointDeps,
  configured: ReadonlyArray<WebhookEndpointSpec & { secret: string }>,
): Promise<void> {
  await deps.stores.webhookEndpoints.replaceConfigured(configured.map(({ secret, ...spec }) => newRecord(deps, spec, secret, "config")));
}
