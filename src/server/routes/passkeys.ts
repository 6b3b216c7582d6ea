// Account → Security & Privacy → Passkeys: add (several, named), list, rename, remove.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { text } from "../../contract/schemas/common";
import {
  passkeyAddedResponse,
  passkeyListResponse,
  passkeyResponse,
  passkeyStepRequest,
  registerPasskeyRequest,
  renamePasskeyRequest,
  signOutOthersChoice,
  twoStepChangedResponse,
  webAuthnOptionsResponse,
} from "../../contract/schemas/two-step";
import type { CoreDeps } from "../../core/deps";
import {
  registerPasskey,
  removePasskey,
  renamePasskey,
  setPasskeyStep,
  startPasskeyRegistration,
  toPublicPasskey,
} from "../../core/mfa/manage-passkeys";
import type { RegistrationResponseJSON } from "../../core/mfa/webauthn";
import { requestContext } from "../http/client";
import { replyFailure } from "../http/reply-failure";
import { factorChanged } from "./two-step";

const passkeyParams = z.strictObject({
  id: text()
    .min(1)
    .max(1024)
    .regex(/^[A-Za-z0-9_-]+$/, "Not a passkey id."),
});

export const passkeyRoutes: FastifyPluginAsyncZod<{ core: CoreDeps }> = async (app, { core }) => {
  app.addHook("onRequest", app.requireSession);

  app.get("/account/passkeys", { schema: { response: { 200: passkeyListResponse } } }, async (request) => {
    const passkeys = await core.stores.passkeys.listByAccount(request.session.accountId);
    return { passkeys: passkeys.map(toPublicPasskey) };
  });

  app.post("/account/passkeys/registration-options", { schema: { response: { 200: webAuthnOptionsResponse } } }, async (request, reply) => {
    const result = await startPasskeyRegistration(core, request.session);
    return result.ok ? { options: result.value } : replyFailure(reply, result);
  });

  app.post(
    "/account/passkeys",
    { schema: { body: registerPasskeyRequest, response: { 201: passkeyAddedResponse } } },
    async (request, reply) => {
      const { name, signOutOtherDevices } = request.body;
      const passkey = request.body.passkey as unknown as RegistrationResponseJSON;
      const result = await registerPasskey(core, request.session, { name, passkey, signOutOtherDevices }, requestContext(request));
      if (!result.ok) return replyFailure(reply, result);
      return reply.code(201).send({ passkey: toPublicPasskey(result.value.passkey), ...factorChanged(request, reply, result.value) });
    },
  );

  app.patch(
    "/account/passkeys/:id",
    { schema: { params: passkeyParams, body: renamePasskeyRequest, response: { 200: passkeyResponse } } },
    async (request, reply) => {
      const result = await renamePasskey(core, request.session, request.params.id, request.body.name, requestContext(request));
      return result.ok ? { passkey: toPublicPasskey(result.value) } : replyFailure(reply, result);
    },
  );

  app.post(
    "/account/passkeys/:id/remove",
    { schema: { params: passkeyParams, body: signOutOthersChoice, response: { 200: twoStepChangedResponse } } },
    async (request, reply) => {
      const result = await removePasskey(core, request.session, request.params.id, request.body, requestContext(request));
      return result.ok ? factorChanged(request, reply, result.value) : replyFailure(reply, result);
    },
  );

  app.put(
    "/account/two-step/passkey-step",
    { schema: { body: passkeyStepRequest, response: { 200: twoStepChangedResponse } } },
    async (request, reply) => {
      const result = await setPasskeyStep(core, request.session, request.body, requestContext(request));
      return result.ok ? factorChanged(request, reply, result.value) : replyFailure(reply, result);
    },
  );
};
