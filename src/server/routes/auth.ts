// Sign up, sign in, sign out of this device.
import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { signInRequest, signUpRequest, signedInResponse } from "../../contract/schemas/auth";
import type { SignedIn } from "../../core/accounts/signed-in";
import { toSignedInResponse } from "../../core/accounts/signed-in";
import { signIn } from "../../core/accounts/sign-in";
import { signUp } from "../../core/accounts/sign-up";
import type { CoreDeps } from "../../core/deps";
import { signOut } from "../../core/sessions/sign-out";
import { requestContext, signingInDevice } from "../http/client";
import { clearSessionCookie, DEVICE_COOKIE, setDeviceCookie, setSessionCookie } from "../http/cookies";
import { replyFailure } from "../http/reply-failure";
// issue 5: sign-in may answer a two-step challenge
import { signInResponse } from "../../contract/schemas/two-step";

export const authRoutes: FastifyPluginAsyncZod<{ core: CoreDeps }> = async (app, { core }) => {
  app.post(
    "/auth/sign-up",
    { schema: { body: signUpRequest, response: { 201: signedInResponse } } },
    async (request, reply) => {
      const { device, keepsTokenItself } = signingInDevice(request, request.body.client);
      const result = await signUp(core, { ...request.body, device }, requestContext(request));
      if (!result.ok) return replyFailure(reply, result);
      handOver(reply, result.value, keepsTokenItself);
      return reply.code(201).send(toSignedInResponse(result.value, keepsTokenItself));
    },
  );

  app.post(
    "/auth/sign-in",
    { schema: { body: signInRequest, response: { 200: signInResponse } } },
    async (request, reply) => {
      const { device, keepsTokenItself } = signingInDevice(request, request.body.client);
      const deviceCookie = request.cookies[DEVICE_COOKIE];
      const result = await signIn(core, { ...request.body, device, deviceCookie, keepsTokenItself }, requestContext(request));
      if (!result.ok) return replyFailure(reply, result);
      if ("twoStepRequired" in result.value) {
        // No session yet: the second step (POST /auth/two-step) completes the sign-in.
        const { expiresAt, ...challenge } = result.value;
        return { ...challenge, expiresAt: expiresAt.toISOString() };
      }
      handOver(reply, result.value, keepsTokenItself);
      return toSignedInResponse(result.value, keepsTokenItself);
    },
  );

  app.post("/auth/sign-out", { onRequest: app.requireSession }, async (request, reply) => {
    await signOut(core, request.session, requestContext(request));
    if (request.sessionCarrier === "cookie") clearSessionCookie(reply);
    return reply.code(204).send();
  });
};

/** Browsers get their token as cookies; apps get it in the body (see toSignedInResponse). */
export function handOver(reply: FastifyReply, signedIn: SignedIn, keepsTokenItself: boolean): void {
  if (keepsTokenItself) return;
  setSessionCookie(reply, signedIn.token, signedIn.session.expiresAt);
  setDeviceCookie(reply, signedIn.deviceCookie);
}
