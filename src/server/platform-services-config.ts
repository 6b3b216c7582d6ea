// The platform's services, from the environment (the `usher clients` and `usher webhooks`
// commands register them in the database instead):
//   SERVICE_CLIENTS   [{"id":"playback","name":"Playback API","secretSha256":"<hex>"}]
//                     only the SHA-256 of each secret: `usher clients add` prints both.
//   WEBHOOK_ENDPOINTS [{"id":"billing","url":"https://…","secret":"whsec_…","events":["session.revoked"]}]
import { z } from "zod";
import { type ConfiguredServiceClient, SERVICE_CLIENT_ID } from "../core/services/service-clients";
import { WEBHOOK_ENDPOINT_ID, type WebhookEndpointSpec } from "../core/webhooks/endpoints";
import { webhookEventTypes } from "../core/webhooks/ports";
import { readJsonList } from "./config/json-list";

const idRule = "ids are 1–100 letters, digits, dots, dashes or underscores";

const serviceClientEntry = z.strictObject({
  id: z.string().regex(SERVICE_CLIENT_ID, idRule),
  name: z.string().min(1).max(60),
  secretSha256: z.string().regex(/^[0-9a-f]{64}$/, "the SHA-256 of the secret, 64 lowercase hex digits"),
});

export function readServiceClients(raw: string | undefined): ConfiguredServiceClient[] {
  if (raw === undefined || raw.trim() === "") return [];
  return readJsonList("SERVICE_CLIENTS", "clients", raw, serviceClientEntry).map(({ id, name, secretSha256 }) => ({
    id,
    name,
    secretDigest: secretSha256,
  }));
}

export type ConfiguredWebhookEndpoint = WebhookEndpointSpec & { secret: string };

/** Standard Webhooks secrets: "whsec_" and 24 to 64 bytes, base64. */
export const signingSecret = z
  .string()
  .regex(/^whsec_[A-Za-z0-9+/]{32,88}={0,2}$/, 'a Standard Webhooks secret: "whsec_" and 24 to 64 random bytes in base64');

export const webhookUrl = z
  .url({ protocol: /^https?$/, error: "an http or https URL" })
  .max(2000)
  .refine((url) => !new URL(url).username && !new URL(url).password, "a URL without a user name or password");

const webhookEndpointEntry = z.strictObject({
  id: z.string().regex(WEBHOOK_ENDPOINT_ID, idRule),
  url: webhookUrl,
  secret: signingSecret,
  events: z.array(z.enum(webhookEventTypes)).min(1),
});

export function readWebhookEndpoints(raw: string | undefined): ConfiguredWebhookEndpoint[] {
  if (raw === undefined || raw.trim() === "") return [];
  return readJsonList("WEBHOOK_ENDPOINTS", "endpoints", raw, webhookEndpointEntry).map(({ id, url, secret, events }) => ({
    id,
    url,
    secret,
    eventTypes: [...new Set(events)],
  }));
}
