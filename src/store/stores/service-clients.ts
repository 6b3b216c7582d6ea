// The platform's services registered by the CLI (configured ones never reach the database).
import { asc, eq } from "drizzle-orm";
import type { ServiceClientStore } from "../../core/services/ports";
import type { Database } from "../database";
import { serviceClient } from "../schema";

export function createServiceClientStore(db: Database): ServiceClientStore {
  return {
    async find(id) {
      const [row] = await db.select().from(serviceClient).where(eq(serviceClient.id, id));
      return row ?? null;
    },

    async list() {
      return db.select().from(serviceClient).orderBy(asc(serviceClient.createdAt), asc(serviceClient.id));
    },

    async add(client) {
      const added = await db.insert(serviceClient).values(client).onConflictDoNothing().returning({ id: serviceClient.id });
      return added.length === 1;
    },

    async remove(id) {
      const removed = await db.delete(serviceClient).where(eq(serviceClient.id, id)).returning({ id: serviceClient.id });
      return removed.length === 1;
    },

    async replaceSecret(id, secretDigest, at) {
      const replaced = await db
        .update(serviceClient)
        .set({ secretDigest, secretRotatedAt: at })
        .where(eq(serviceClient.id, id))
        .returning({ id: serviceClient.id });
      return replaced.length === 1;
    },
  };
}
