// Contract of ServiceClientStore and WebhookEndpointStore: clients by id with their secret's
// digest, endpoints by the events they want, configured endpoints replaced without losing the
// health of the ones kept, and failure counts that concurrent deliveries never lose.
import { randomBytes } from "node:crypto";
import { expect, it } from "vitest";
import type { ServiceClientRecord } from "../../src/core/services/ports";
import type { WebhookEndpointRecord } from "../../src/core/webhooks/ports";
import { describeOnEachDatabase } from "./each-database";
import { minutes, T0 } from "./fixtures";

let counter = 0;
const uniqueId = (label: string) => `${label}-${process.pid}-${++counter}`;

const aClient = (overrides: Partial<ServiceClientRecord> = {}): ServiceClientRecord => ({
  id: uniqueId("service"),
  name: "Playback API",
  secretDigest: randomBytes(32).toString("hex"),
  createdAt: T0,
  secretRotatedAt: null,
  ...overrides,
});

const anEndpoint = (overrides: Partial<WebhookEndpointRecord> = {}): WebhookEndpointRecord => ({
  id: uniqueId("endpoint"),
  url: "https://receiver.example/usher",
  secretSealed: "v1.sealed",
  eventTypes: ["session.revoked"],
  source: "cli",
  createdAt: T0,
  consecutiveFailures: 0,
  failingSince: null,
  lastError: null,
  lastDeliveredAt: null,
  ...overrides,
});

describeOnEachDatabase("service client store", (t) => {
  it("adds a client once, finds it, replaces its secret's digest and removes it", async () => {
    const client = aClient();
    expect(await t.stores.serviceClients.add(client)).toBe(true);
    expect(await t.stores.serviceClients.add({ ...client, name: "Another" })).toBe(false);
    expect(await t.stores.serviceClients.find(client.id)).toEqual(client);
    expect(await t.stores.serviceClients.list()).toContainEqual(client);

    const digest = randomBytes(32).toString("hex");
    expect(await t.stores.serviceClients.replaceSecret(client.id, digest, minutes(5))).toBe(true);
    expect(await t.stores.serviceClients.find(client.id)).toEqual({ ...client, secretDigest: digest, secretRotatedAt: minutes(5) });

    expect(await t.stores.serviceClients.remove(client.id)).toBe(true);
    expect(await t.stores.serviceClients.remove(client.id)).toBe(false);
    expect(await t.stores.serviceClients.replaceSecret(client.id, digest, minutes(6))).toBe(false);
    expect(await t.stores.serviceClients.find(client.id)).toBeNull();
  });
});

describeOnEachDatabase("webhook endpoint store", (t) => {
  it("finds the endpoints that want an event", async () => {
    const revocations = anEndpoint({ eventTypes: ["session.revoked"] });
    const everything = anEndpoint({ eventTypes: ["session.revoked", "account.password_changed"] });
    for (const endpoint of [revocations, everything]) expect(await t.stores.webhookEndpoints.add(endpoint)).toBe(true);
    expect(await t.stores.webhookEndpoints.add(revocations)).toBe(false);

    const wanting = (type: "session.revoked" | "account.password_changed" | "account.email_changed") =>
      t.stores.webhookEndpoints.subscribedTo(type).then((ids) => ids.filter((id) => id === revocations.id || id === everything.id));
    expect(await wanting("session.revoked")).toEqual([revocations.id, everything.id].sort());
    expect(await wanting("account.password_changed")).toEqual([everything.id]);
    expect(await wanting("account.email_changed")).toEqual([]);
    expect(await t.stores.webhookEndpoints.find(everything.id)).toEqual(everything);
  });

  it("counts every failure of concurrent deliveries, keeps when failing began, and clears on a delivery", async () => {
    const endpoint = anEndpoint();
    await t.stores.webhookEndpoints.add(endpoint);
    await Promise.all(
      Array.from({ length: 5 }, (_, i) => t.stores.webhookEndpoints.recordFailed(endpoint.id, minutes(1 + i), `attempt ${i}`)),
    );
    const failing = await t.stores.webhookEndpoints.find(endpoint.id);
    expect(failing?.consecutiveFailures).toBe(5);
    expect(failing?.failingSince?.getTime()).toBeGreaterThanOrEqual(minutes(1).getTime());
    expect(failing?.failingSince?.getTime()).toBeLessThanOrEqual(minutes(5).getTime());
    await t.stores.webhookEndpoints.recordFailed(endpoint.id, minutes(9), "later");
    expect((await t.stores.webhookEndpoints.find(endpoint.id))?.failingSince).toEqual(failing?.failingSince);

    await t.stores.webhookEndpoints.recordDelivered(endpoint.id, minutes(10));
    expect(await t.stores.webhookEndpoints.find(endpoint.id)).toEqual({ ...endpoint, lastDeliveredAt: minutes(10) });
  });

  it("replaces the configured endpoints: keeps the health of those still named, removes the rest, leaves the CLI's alone", async () => {
    const kept = anEndpoint({ source: "config" });
    const dropped = anEndpoint({ source: "config" });
    const added = anEndpoint({ source: "cli" });
    await t.stores.webhookEndpoints.replaceConfigured([kept, dropped]);
    await t.stores.webhookEndpoints.add(added);
    await t.stores.webhookEndpoints.recordFailed(kept.id, minutes(1), "down");

    const changed = { ...kept, url: "https://moved.example/usher", eventTypes: ["account.email_changed" as const], createdAt: minutes(2) };
    await t.stores.webhookEndpoints.replaceConfigured([changed]);

    expect(await t.stores.webhookEndpoints.find(kept.id)).toEqual({
      ...kept,
      url: changed.url,
      eventTypes: changed.eventTypes,
      consecutiveFailures: 1,
      failingSince: minutes(1),
      lastError: "down",
    });
    expect(await t.stores.webhookEndpoints.find(dropped.id)).toBeNull();
    expect(await t.stores.webhookEndpoints.find(added.id)).toEqual(added);

    await t.stores.webhookEndpoints.replaceConfigured([]);
    expect(await t.stores.webhookEndpoints.find(kept.id)).toBeNull();
    expect(await t.stores.webhookEndpoints.find(added.id)).toEqual(added);
    expect(await t.stores.webhookEndpoints.remove(added.id)).toBe(true);
    expect(await t.stores.webhookEndpoints.remove(added.id)).toBe(false);
  });
});
