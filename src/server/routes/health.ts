// GET /healthz: for load balancers. Healthy means the database answers. A node whose Redis is
// unreachable still serves (it counts rate limits in process), so it stays healthy and only
// says "degraded", for operators.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";

export interface HealthOptions {
  checkDatabase(): Promise<void>;
  /** Where rate limits are shared, when Redis is configured. */
  redis?: { readonly reachable: boolean };
}

export const healthRoutes: FastifyPluginAsyncZod<HealthOptions> = async (app, options) => {
  app.get(
    "/healthz",
    {
      schema: {
        response: {
          200: z.object({ status: z.literal("ok"), redis: z.enum(["ok", "degraded"]).optional() }),
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
      if (!options.redis) return { status: "ok" as const };
      return { status: "ok" as const, redis: options.redis.reachable ? ("ok" as const) : ("degraded" as const) };
    },
  );
};
