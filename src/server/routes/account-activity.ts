// GET /account/activity — this account's sign-ins (with device and IP), failed
// attempts and security changes, newest first, paged by an opaque cursor.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { activityQuery, activityResponse } from "../../contract/schemas/activity";
import { listAccountActivity } from "../../core/audit/account-activity";
import type { CoreDeps } from "../../core/deps";
import { replyFailure } from "../http/reply-failure";

export const accountActivityRoutes: FastifyPluginAsyncZod<{ core: CoreDeps }> = async (app, { core }) => {
  app.get(
    "/account/activity",
    { onRequest: app.requireSession, schema: { querystring: activityQuery, response: { 200: activityResponse } } },
    async (request, reply) => {
      const result = await listAccountActivity(core, request.session, request.query);
      return result.ok ? result.value : replyFailure(reply, result);
    },
  );
};
