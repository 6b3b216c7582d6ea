// "Use a sign-in code": ask for a code by email or text (the same 202 for every address),
// then sign in with it. A new device finishes a throttled sign-in the same way.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { completeSignInCodeRequest, signInCodeRequest, signInCodeSentResponse } from "../../contract/schemas/sign-in-code";
import { firstFactorResponse } from "../../contract/schemas/two-step";
import { completeSignInCode, requestSignInCode } from "../../core/accounts/sign-in-code";
import type { CoreDeps } from "../../core/deps";
import { requestContext, signingInDevice } from "../http/client";
import { deviceCredentialOf } from "../http/cookies";
import { replyFailure } from "../http/reply-failure";
import { signedInOrSecondStep } from "./auth";

export const signInCodeRoutes: FastifyPluginAsyncZod<{ core: CoreDeps }> = async (app, { core }) => {
  app.post(
    "/auth/sign-in-code",
    { schema: { body: signInCodeRequest, response: { 202: signInCodeSentResponse } } },
    async (request, reply) => {
      const { client, deviceToken, ...address } = request.body;
      const { device } = signingInDevice(request, client);
      const deviceCredential = deviceCredentialOf(request, deviceToken);
      const result = await requestSignInCode(core, { address, device, deviceCredential }, requestContext(request));
      if (!result.ok) return replyFailure(reply, result);
      return reply.code(202).send({ ...result.value, expiresAt: result.value.expiresAt.toISOString() });
    },
  );

  app.post(
    "/auth/sign-in-code/complete",
    { schema: { body: completeSignInCodeRequest, response: { 200: firstFactorResponse } } },
    async (request, reply) => {
      const { flowId, code, client, deviceToken } = request.body;
      const { device, keepsTokenItself } = signingInDevice(request, client);
      const deviceCredential = deviceCredentialOf(request, deviceToken);
      const result = await completeSignInCode(core, { flowId, code, device, deviceCredential, keepsTokenItself }, requestContext(request));
      if (!result.ok) return replyFailure(reply, result);
      return signedInOrSecondStep(reply, result.value, keepsTokenItself);
    },
  );
};
