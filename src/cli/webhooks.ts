// usher webhooks: where Usher sends signed events, and how each endpoint's deliveries fare.
// Arguments are checked before the database opens. The signing secret is printed once; it is
// stored sealed under the key derived from the master secret, because deliveries need it back.
import { systemClock } from "../core/clock";
import { cryptoRandom } from "../core/crypto/random";
import { addWebhookEndpoint, WEBHOOK_ENDPOINT_ID } from "../core/webhooks/endpoints";
import { type WebhookEndpointRecord, type WebhookEventType, webhookEventTypes } from "../core/webhooks/ports";
import type { ServerConfig } from "../server/config";
import { webhookUrl } from "../server/platform-services-config";
import { deriveCoreKeys, loadMasterSecret } from "../server/secret-key";
import { withStores } from "./open-stores";
import { table, timestamp } from "./output";
import { runSubcommand, type Subcommand } from "./subcommands";

const usage = `Usage:
  usher webhooks add <id> <url> <event types>    Add an endpoint; prints its signing secret once
  usher webhooks list                            The endpoints and how their deliveries fare
  usher webhooks remove <id>                     Remove an endpoint added here

Event types, comma-separated, or "all": ${webhookEventTypes.join(", ")}`;

export const run = (args: string[]): Promise<void> => runSubcommand(args, usage, subcommands);

const subcommands: Record<string, Subcommand> = {
  async add(config, [id, url, ...events]) {
    if (id === undefined || url === undefined || events.length === 0) throw new Error("Usage: usher webhooks add <id> <url> <event types>");
    checkId(id);
    const checkedUrl = webhookUrl.safeParse(url);
    if (!checkedUrl.success) throw new Error(`The URL must be ${checkedUrl.error.issues[0]?.message}: ${url}`);
    // "a,b", "a, b" and "a b" all name two types: the shell splits on the spaces.
    const eventTypes = readEventTypes(events.join(",").split(","));
    if (configured(config, id)) throw new Error(`${id} is configured by WEBHOOK_ENDPOINTS; choose another id.`);
    const keys = { webhookSecrets: deriveCoreKeys(loadMasterSecret(config)).webhookSecrets };
    const added = await withStores(config, (stores) =>
      addWebhookEndpoint({ stores, clock: systemClock, random: cryptoRandom, keys }, { id, url: checkedUrl.data, eventTypes }),
    );
    if (!added.ok) throw new Error(`A webhook endpoint with id ${id} already exists (usher webhooks list shows them).`);
    console.log(`Added webhook endpoint ${id}: ${checkedUrl.data}\n  Events:         ${describeEvents(eventTypes)}`);
    console.log(`  Signing secret: ${added.secret}\n`);
    console.log(
      "This secret is shown only this once (Usher keeps it encrypted, to sign with). Give it to the receiver:\n" +
        "it checks each delivery's webhook-signature header with it (Standard Webhooks).",
    );
  },

  async list(config) {
    const stored = await withStores(config, (stores) => stores.webhookEndpoints.list());
    // Configured endpoints reach the database when a server starts; until then, say so.
    const pending = config.webhookEndpoints.filter((endpoint) => !stored.some((record) => record.id === endpoint.id));
    if (stored.length === 0 && pending.length === 0) {
      console.log("No webhook endpoints yet. Add one with: usher webhooks add <id> <url> <event types>");
      return;
    }
    const rows = [
      ...stored.map((endpoint) => [endpoint.id, endpoint.url, describeEvents(endpoint.eventTypes), sourceName(endpoint), health(endpoint)]),
      ...pending.map((endpoint) => [
        endpoint.id,
        endpoint.url,
        describeEvents(endpoint.eventTypes),
        "configured",
        "added at the next start",
      ]),
    ];
    console.log(table(["ID", "URL", "EVENTS", "SOURCE", "HEALTH"], rows));
  },

  async remove(config, [id, ...extra]) {
    if (id === undefined || extra.length > 0) throw new Error("Usage: usher webhooks remove <id>");
    checkId(id);
    const refusal = await withStores(config, async (stores) => {
      const endpoint = await stores.webhookEndpoints.find(id);
      // A configured endpoint would come back at the next start: the variable is where it goes.
      if (endpoint?.source === "config" || (!endpoint && configured(config, id))) {
        return `${id} is configured by WEBHOOK_ENDPOINTS; change the variable instead.`;
      }
      if (!endpoint || !(await stores.webhookEndpoints.remove(id)))
        return `No webhook endpoint with id ${id} (usher webhooks list shows them).`;
      return null;
    });
    if (refusal) throw new Error(refusal);
    console.log(`Removed webhook endpoint ${id}. Events already queued for it are not delivered.`);
  },
};

function readEventTypes(names: string[]): WebhookEventType[] {
  const wanted = names.map((name) => name.trim()).filter((name) => name !== "");
  if (wanted.length === 1 && wanted[0] === "all") return [...webhookEventTypes];
  const unknown = wanted.filter((name) => !(webhookEventTypes as readonly string[]).includes(name));
  const choices = `"all", or some of: ${webhookEventTypes.join(", ")}`;
  if (wanted.length === 0) throw new Error(`No event types given: ${choices}.`);
  if (unknown.length > 0) {
    const named = unknown.map((name) => `"${name}"`).join(", ");
    throw new Error(`Unknown event ${unknown.length === 1 ? "type" : "types"} ${named}. Event types are ${choices}.`);
  }
  return [...new Set(wanted as WebhookEventType[])];
}

const describeEvents = (types: readonly WebhookEventType[]): string =>
  webhookEventTypes.every((type) => types.includes(type)) ? "all" : types.join(", ");

const sourceName = (endpoint: WebhookEndpointRecord): string => (endpoint.source === "config" ? "configured" : "cli");

function health(endpoint: WebhookEndpointRecord): string {
  if (endpoint.failingSince) {
    const tries = `${endpoint.consecutiveFailures} failed ${endpoint.consecutiveFailures === 1 ? "try" : "tries"}`;
    return `failing since ${timestamp(endpoint.failingSince)}, ${tries}, last error: ${endpoint.lastError ?? "unknown"}`;
  }
  return endpoint.lastDeliveredAt ? `healthy (last delivery ${timestamp(endpoint.lastDeliveredAt)})` : "never delivered";
}

function checkId(id: string): void {
  if (!WEBHOOK_ENDPOINT_ID.test(id))
    throw new Error(`"${id}" is not an endpoint id: 1 to 100 letters, digits, dots, dashes or underscores.`);
}

const configured = (config: ServerConfig, id: string): boolean => config.webhookEndpoints.some((endpoint) => endpoint.id === id);
