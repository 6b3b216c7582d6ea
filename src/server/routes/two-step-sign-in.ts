// The second step of a sign-in (a code or a passkey against the challenge the password
// answered), and signing in with a passkey alone.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { signedInResponse } from "../../contract/schemas/auth";
import { completeTwoStepRequest, passkeySignInRequest, webAuthnOptionsResponse } from "../../contract/schemas/two-step";
import type { CoreDeps } from "../../core/deps";
import { signInWithPasskey, startPasskeySignIn } from "../../core/mfa/passkey-sign-in";
import { completeTwoStepWithCode, completeTwoStepWithPasskey } from "../../core/mfa/two-step-sign-in";
import type { AuthenticationResponseJSON } from "../../core/mfa/webauthn";
import { toSignedInResponse } from "../../core/sessions/signed-in";
import { requestContext, signingInDevice } from "../http/client";
import { deviceCredentialOf } from "../http/cookies";
import { replyFailure } from "../http/reply-failure";
import { handOver } from "./auth";

export const twoStepSignInRoutes: FastifyPluginAsyncZod<{ core: CoreDeps }> = async (app, { core }) => {
  app.post("/auth/two-step", { schema: { body: completeTwoStepRequest, response: { 200: signedInResponse } } }, async (request, reply) => {
    const { challenge, code, passkey, deviceToken } = request.body;
    const deviceCookie = deviceCredentialOf(request, deviceToken);
    const context = requestContext(request);
    const result =
      code !== undefined
        ? await completeTwoStepWithCode(core, { challenge, code, deviceCookie }, context)
        : await completeTwoStepWithPasskey(
            core,
            { challenge, passkey: passkey as unknown as AuthenticationResponseJSON, deviceCookie },
            context,
          );
    if (!result.ok) return replyFailure(reply, result);
    // The device is the one that typed the password: its kind was kept with the challenge.
    const { signedIn, keepsTokenItself } = result.value;
    handOver(reply, signedIn, keepsTokenItself);
    return toSignedInResponse(signedIn, keepsTokenItself);
  });

  app.post("/auth/passkey/options", { schema: { response: { 200: webAuthnOptionsResponse } } }, async (request, reply) => {
    const result = await startPasskeySignIn(core, requestContext(request));
    return result.ok ? { options: result.value } : replyFailure(reply, result);
  });

  app.post("/auth/passkey", { schema: { body: passkeySignInRequest, response: { 200: signedInResponse } } }, async (request, reply) => {
    const { device, keepsTokenItself } = signingInDevice(request, request.body.client);
    const deviceCookie = deviceCredentialOf(request, request.body.deviceToken);
    const passkey = request.body.passkey as unknown as AuthenticationResponseJSON;
    const result = await signInWithPasskey(core, { passkey, device, deviceCookie }, requestContext(request));
    if (!result.ok) return replyFailure(reply, result);
    handOver(reply, result.value, keepsTokenItself);
    return toSignedInResponse(result.value, keepsTokenItself);
  });
};
