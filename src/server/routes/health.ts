// GET /healthz: for load balancers. Healthy means the database answers.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";

export const healthRoutes: FastifyPluginAsyncZod<{ checkDatabase(): Promise<void> }> = async (app, options) => {
  app.get(
    "/healthz",
    { schema: { response: { 200: z.object({ status: z.literal("ok") }), 503: z.object({ status: z.literal("unavailable") }) } } },
    async (request, reply) => {
      try {
        await options.checkDatabase();
        return { status: "ok" as const };
      } catch {
        request.log.warn("health check: database unreachable");
        return reply.code(503).send({ status: "unavailable" as const });
      }
    },
  );
};
