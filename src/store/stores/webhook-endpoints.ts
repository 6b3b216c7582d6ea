// Webhook endpoints and their delivery health. Health is written by whichever node delivered
// or failed, in one statement each, so concurrent deliveries never lose a count.
import { and, arrayContains, asc, eq, notInArray, sql } from "drizzle-orm";
import type { WebhookEndpointRecord, WebhookEndpointStore, WebhookEventType } from "../../core/webhooks/ports";
import type { Database } from "../database";
import { webhookEndpoint } from "../schema";

type EndpointRow = typeof webhookEndpoint.$inferSelect;

const toRecord = (row: EndpointRow): WebhookEndpointRecord => ({
  ...row,
  eventTypes: row.eventTypes as WebhookEventType[],
  source: row.source as WebhookEndpointRecord["source"],
});

export function createWebhookEndpointStore(db: Database): WebhookEndpointStore {
  return {
    async find(id) {
      const [row] = await db.select().from(webhookEndpoint).where(eq(webhookEndpoint.id, id));
      return row ? toRecord(row) : null;
    },

    async list() {
      const rows = await db.select().from(webhookEndpoint).orderBy(asc(webhookEndpoint.createdAt), asc(webhookEndpoint.id));
      return rows.map(toRecord);
    },

    async subscribedTo(type) {
      const rows = await db
        .select({ id: webhookEndpoint.id })
        .from(webhookEndpoint)
        .where(arrayContains(webhookEndpoint.eventTypes, [type]))
        .orderBy(asc(webhookEndpoint.id));
      return rows.map((row) => row.id);
    },

    async add(endpoint) {
      const added = await db.insert(webhookEndpoint).values(endpoint).onConflictDoNothing().returning({ id: webhookEndpoint.id });
      return added.length === 1;
    },

    async remove(id) {
      const removed = await db.delete(webhookEndpoint).where(eq(webhookEndpoint.id, id)).returning({ id: webhookEndpoint.id });
      return removed.length === 1;
    },

    async replaceConfigured(endpoints) {
      await db.transaction(async (tx) => {
        const ids = endpoints.map((endpoint) => endpoint.id);
        await tx
          .delete(webhookEndpoint)
          .where(and(eq(webhookEndpoint.source, "config"), ids.length > 0 ? notInArray(webhookEndpoint.id, ids) : undefined));
        for (const endpoint of endpoints) {
          const { url, secretSealed, eventTypes, source } = endpoint;
          await tx
            .insert(webhookEndpoint)
            .values(endpoint)
            .onConflictDoUpdate({ target: webhookEndpoint.id, set: { url, secretSealed, eventTypes, source } });
        }
      });
    },

    async recordDelivered(id, at) {
      await db
        .update(webhookEndpoint)
        .set({ consecutiveFailures: 0, failingSince: null, lastError: null, lastDeliveredAt: at })
        .where(eq(webhookEndpoint.id, id));
    },

    async recordFailed(id, at, error) {
      await db
        .update(webhookEndpoint)
        .set({
          consecutiveFailures: sql`${webhookEndpoint.consecutiveFailures} + 1`,
          failingSince: sql`coalesce(${webhookEndpoint.failingSince}, ${at.toISOString()}::timestamptz)`,
          lastError: error,
        })
        .where(eq(webhookEndpoint.id, id));
    },
  };
}
