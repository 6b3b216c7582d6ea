// The /tv page's API: a signed-in viewer looks up the code their TV shows, sees which device
// asks, and approves it for a profile or denies it. The TV's next poll then gets its session.
// Wrong codes are throttled per account and per IP (see approve-tv-sign-in.ts). The code is
// in the path; the log masks it (http/log-serializers.ts).
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { approveTvCodeRequest, tvCodeLookupResponse, tvCodeParams } from "../../contract/schemas/tv-sign-in";
import type { CoreDeps } from "../../core/deps";
import { decideTvSignIn, lookUpTvCode } from "../../core/tv-sign-in/approve-tv-sign-in";
import { requestContext } from "../http/client";
import { replyFailure } from "../http/reply-failure";

export const tvCodeRoutes: FastifyPluginAsyncZod<{ core: CoreDeps }> = async (app, { core }) => {
  app.addHook("onRequest", app.requireSession);

  app.get(
    "/tv/codes/:userCode",
    { schema: { tags: ["TV sign-in"], params: tvCodeParams, response: { 200: tvCodeLookupResponse } } },
    async (request, reply) => {
      const result = await lookUpTvCode(core, request.session, request.params.userCode, requestContext(request));
      return result.ok ? result.value : replyFailure(reply, result);
    },
  );

  app.post(
    "/tv/codes/:userCode/approve",
    {
      schema: { tags: ["TV sign-in"], params: tvCodeParams, body: approveTvCodeRequest, response: { 200: tvCodeLookupResponse } },
    },
    async (request, reply) => {
      const decision = { approve: true as const, profileId: request.body.profileId, pin: request.body.pin };
      const result = await decideTvSignIn(core, request.session, request.params.userCode, decision, requestContext(request));
      return result.ok ? result.value : replyFailure(reply, result);
    },
  );

  app.post(
    "/tv/codes/:userCode/deny",
    {
      // No body, like sign-out: nothing to say but which code.
      schema: { tags: ["TV sign-in"], params: tvCodeParams, response: { 200: tvCodeLookupResponse } },
    },
    async (request, reply) => {
      const result = await decideTvSignIn(core, request.session, request.params.userCode, { approve: false }, requestContext(request));
      return result.ok ? result.value : replyFailure(reply, result);
    },
  );
};
