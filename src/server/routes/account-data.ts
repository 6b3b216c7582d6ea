// Account → Download your data, and Account → Delete account. Both need a recent proof
// (REAUTH_REQUIRED otherwise): a session picked up on an unattended screen must not carry the
// account's data away, or erase it.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { accountDataResponse, deleteAccountResponse } from "../../contract/schemas/account-data";
import { deleteOwnAccount } from "../../core/accounts/delete-account";
import { exportOwnData } from "../../core/accounts/export-account";
import type { CoreDeps } from "../../core/deps";
import { requestContext } from "../http/client";
import { clearSessionCookie } from "../http/cookies";
import { replyFailure } from "../http/reply-failure";

export const accountDataRoutes: FastifyPluginAsyncZod<{ core: CoreDeps }> = async (app, { core }) => {
  app.get(
    "/account/data",
    { onRequest: app.requireSession, schema: { response: { 200: accountDataResponse } } },
    async (request, reply) => {
      const result = await exportOwnData(core, request.session, requestContext(request));
      if (!result.ok) return replyFailure(reply, result);
      const day = result.value.exportedAt.slice(0, 10);
      // A file to keep: saved under a name that says what and when, never cached on the way.
      reply.header("content-disposition", `attachment; filename="usher-data-${day}.json"`).header("cache-control", "no-store");
      return result.value;
    },
  );

  app.delete(
    "/account",
    { onRequest: app.requireSession, schema: { response: { 200: deleteAccountResponse } } },
    async (request, reply) => {
      const result = await deleteOwnAccount(core, request.session, requestContext(request));
      if (!result.ok) return replyFailure(reply, result);
      if (request.sessionCarrier === "cookie") clearSessionCookie(reply);
      return { deleted: true as const, signedOutDevices: result.value.signedOutDevices };
    },
  );
};
