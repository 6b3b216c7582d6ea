// Email verification, change email and forgot password. Opening a link needs no session (it may be
// opened on any device); asking for a reset answers the same for every address; completing one
// signs in this device like a sign-in does. Rate limits: see the core services (link and code
// checks per IP and per flow, reset requests per IP, what is sent per account and device).
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { signedInResponse } from "../../contract/schemas/auth";
import {
  changeEmailRequest,
  completePasswordResetRequest,
  confirmEmailChangeRequest,
  emailChangedResponse,
  emailVerifiedResponse,
  passwordResetAcceptedResponse,
  passwordResetRequest,
  verificationSentResponse,
  verifyEmailRequest,
} from "../../contract/schemas/recovery";
import type { CoreDeps } from "../../core/deps";
import { confirmEmailChange, requestEmailChange } from "../../core/email/change-email";
import { resendEmailVerification, verifyEmail } from "../../core/email/email-verification";
import { completePasswordReset, requestPasswordReset } from "../../core/recovery/password-reset";
import { toSignedInResponse } from "../../core/sessions/signed-in";
import { requestContext, signingInDevice } from "../http/client";
import { deviceCredentialOf } from "../http/cookies";
import { replyFailure } from "../http/reply-failure";
import { handOver } from "./auth";

export const recoveryRoutes: FastifyPluginAsyncZod<{ core: CoreDeps }> = async (app, { core }) => {
  app.post(
    "/account/email/verify",
    { schema: { body: verifyEmailRequest, response: { 200: emailVerifiedResponse } } },
    async (request, reply) => {
      const result = await verifyEmail(core, request.body.token, requestContext(request));
      return result.ok ? { email: result.value.email, verified: true as const } : replyFailure(reply, result);
    },
  );

  app.post(
    "/account/email/resend-verification",
    { onRequest: app.requireSession, schema: { response: { 202: verificationSentResponse } } },
    async (request, reply) => {
      const result = await resendEmailVerification(core, request.session);
      return result.ok ? reply.code(202).send({ sentTo: result.value.email }) : replyFailure(reply, result);
    },
  );

  app.post(
    "/account/email",
    { onRequest: app.requireSession, schema: { body: changeEmailRequest, response: { 202: verificationSentResponse } } },
    async (request, reply) => {
      const result = await requestEmailChange(core, request.session, request.body, requestContext(request));
      return result.ok ? reply.code(202).send(result.value) : replyFailure(reply, result);
    },
  );

  app.post(
    "/account/email/confirm",
    { schema: { body: confirmEmailChangeRequest, response: { 200: emailChangedResponse } } },
    async (request, reply) => {
      const result = await confirmEmailChange(core, request.body.token, requestContext(request));
      return result.ok ? result.value : replyFailure(reply, result);
    },
  );

  app.post(
    "/auth/password-reset",
    { schema: { body: passwordResetRequest, response: { 202: passwordResetAcceptedResponse } } },
    async (request, reply) => {
      const { email, method, deviceToken } = request.body;
      const deviceCredential = deviceCredentialOf(request, deviceToken);
      return reply.code(202).send(await requestPasswordReset(core, { email, method, deviceCredential }, requestContext(request)));
    },
  );

  app.post(
    "/auth/password-reset/complete",
    { schema: { body: completePasswordResetRequest, response: { 200: signedInResponse } } },
    async (request, reply) => {
      const { client, deviceToken, ...proof } = request.body;
      const { device, keepsTokenItself } = signingInDevice(request, client);
      const deviceCredential = deviceCredentialOf(request, deviceToken);
      const result = await completePasswordReset(core, { ...proof, device, deviceCredential }, requestContext(request));
      if (!result.ok) return replyFailure(reply, result);
      handOver(reply, result.value, keepsTokenItself);
      return toSignedInResponse(result.value, keepsTokenItself);
    },
  );
};
