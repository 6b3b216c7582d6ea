// Sign up, sign in, sign out of this device.
import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { signedInResponse, signInRequest, signUpRequest } from "../../contract/schemas/auth";
import { signInResponse } from "../../contract/schemas/two-step";
import { signIn } from "../../core/accounts/sign-in";
import { signUp } from "../../core/accounts/sign-up";
import type { CoreDeps } from "../../core/deps";
import type { TwoStepRequired } from "../../core/mfa/two-step-sign-in";
import { signOut } from "../../core/sessions/sign-out";
import type { SignedIn } from "../../core/sessions/signed-in";
import { toSignedInResponse } from "../../core/sessions/signed-in";
import { requestContext, signingInDevice } from "../http/client";
import { clearSessionCookie, deviceCredentialOf, setDeviceCookie, setSessionCookie } from "../http/cookies";
import { replyFailure } from "../http/reply-failure";

export const authRoutes: FastifyPluginAsyncZod<{ core: CoreDeps }> = async (app, { core }) => {
  app.post("/auth/sign-up", { schema: { body: signUpRequest, response: { 201: signedInResponse } } }, async (request, reply) => {
    const { device, keepsTokenItself } = signingInDevice(request, request.body.client);
    const result = await signUp(core, { ...request.body, device }, requestContext(request));
    if (!result.ok) return replyFailure(reply, result);
    handOver(reply, result.value, keepsTokenItself);
    return reply.code(201).send(toSignedInResponse(result.value, keepsTokenItself));
  });

  app.post("/auth/sign-in", { schema: { body: signInRequest, response: { 200: signInResponse } } }, async (request, reply) => {
    const { email, password, client, deviceToken } = request.body;
    const { device, keepsTokenItself } = signingInDevice(request, client);
    const deviceCredential = deviceCredentialOf(request, deviceToken);
    const result = await signIn(core, { email, password, device, deviceCredential, keepsTokenItself }, requestContext(request));
    if (!result.ok) return replyFailure(reply, result);
    if ("signInCodeRequired" in result.value) return { ...result.value, expiresAt: result.value.expiresAt.toISOString() };
    return signedInOrSecondStep(reply, result.value, keepsTokenItself);
  });

  // Anyone at the device may sign it out, a Kids profile included.
  app.post("/auth/sign-out", { onRequest: app.requireSession, config: { kidsProfile: "allowed" } }, async (request, reply) => {
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

/** A proven first factor: a session, or (no session yet) the challenge POST /auth/two-step completes. */
export function signedInOrSecondStep(reply: FastifyReply, value: SignedIn | TwoStepRequired, keepsTokenItself: boolean) {
  if ("twoStepRequired" in value) {
    const { expiresAt, ...challenge } = value;
    return { ...challenge, expiresAt: expiresAt.toISOString() };
  }
  handOver(reply, value, keepsTokenItself);
  return toSignedInResponse(value, keepsTokenItself);
}
