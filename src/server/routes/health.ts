// Health for load balancers and orchestrators:
// - GET /livez: the process runs and answers (restart it when this fails);
// - GET /readyz: send it traffic. PostgreSQL answers and the node hears session changes (its
//   listening connection is up), and it is not shutting down. Redis's state is reported but
//   never fails it: without Redis the limits are counted in process, and a Redis blip must not
//   take every node out of the balancer at once;
// - GET /healthz: the database answers (with Redis's state), as it always has.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";

export interface HealthOptions {
  checkDatabase(): Promise<void>;
  /** Where rate limits are shared, when Redis is configured. */
  redis?: { readonly reachable: boolean };
  /** Whether the node hears session changes and is not shutting down (always ready without one). */
  readiness?: Readiness;
}

export interface Readiness {
  /** The listening connection that hears session changes is up. */
  hearsSessionChanges(): boolean;
  /** Shutdown has begun: balancers must stop sending requests here. */
  shuttingDown(): boolean;
}

/** A database that takes longer than this to answer `select 1` is not one to send traffic to. */
const DATABASE_CHECK_TIMEOUT_MS = 2_000;

const up = z.enum(["ok", "unavailable"]);
const redisState = z.enum(["ok", "degraded"]);
const readyBody = z.object({
  status: z.enum(["ready", "not_ready", "shutting_down"]),
  database: up,
  sessionChanges: up,
  redis: redisState.optional(),
});

export const healthRoutes: FastifyPluginAsyncZod<HealthOptions> = async (app, options) => {
  const redis = () => (options.redis ? { redis: options.redis.reachable ? ("ok" as const) : ("degraded" as const) } : {});

  async function databaseAnswers(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("timed out")), DATABASE_CHECK_TIMEOUT_MS);
    });
    try {
      await Promise.race([options.checkDatabase(), timeout]);
      return true;
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  app.get("/livez", { schema: { response: { 200: z.object({ status: z.literal("ok") }) } } }, async () => ({ status: "ok" as const }));

  app.get("/readyz", { schema: { response: { 200: readyBody, 503: readyBody } } }, async (request, reply) => {
    const shuttingDown = options.readiness?.shuttingDown() ?? false;
    const database = (await databaseAnswers()) ? ("ok" as const) : ("unavailable" as const);
    const sessionChanges = (options.readiness?.hearsSessionChanges() ?? true) ? ("ok" as const) : ("unavailable" as const);
    const ready = !shuttingDown && database === "ok" && sessionChanges === "ok";
    if (!ready && !shuttingDown) request.log.warn({ database, sessionChanges }, "readiness check: not ready");
    return reply
      .code(ready ? 200 : 503)
      .send({ status: ready ? "ready" : shuttingDown ? "shutting_down" : "not_ready", database, sessionChanges, ...redis() });
  });

  app.get(
    "/healthz",
    {
      schema: {
        response: {
          200: z.object({ status: z.literal("ok"), redis: redisState.optional() }),
          503: z.object({ status: z.literal("unavailable") }),
        },
      },
    },
    async (request, reply) => {
      try {
        await options.checkDatabase();
      } catch {
        request.log.warn("health check: database unreachable");
        return reply.code(503).send({ status: "unavailable" as const });
      }
      return { status: "ok" as const, ...redis() };
    },
  );
};
