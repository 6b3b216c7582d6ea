// Re-authentication: prove the password (or a passkey) again to make sensitive changes for
// the next 10 minutes. The device gets a new token.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { reauthenticateRequest, reauthenticateResponse, webAuthnOptionsResponse } from "../../contract/schemas/two-step";
import type { CoreDeps } from "../../core/deps";
import { reauthenticateWithPasskey, startPasskeyReauthentication } from "../../core/mfa/passkey-sign-in";
import type { AuthenticationResponseJSON } from "../../core/mfa/webauthn";
import { reauthenticateWithPassword } from "../../core/sessions/reauthenticate";
import { reauthenticatedUntil } from "../../core/sessions/recent-proof";
import { requestContext } from "../http/client";
import { handOverReplacement } from "../http/replacement";
import { replyFailure } from "../http/reply-failure";

export const reauthRoutes: FastifyPluginAsyncZod<{ core: CoreDeps }> = async (app, { core }) => {
  app.post(
    "/auth/reauthenticate",
    { onRequest: app.requireSession, schema: { body: reauthenticateRequest, response: { 200: reauthenticateResponse } } },
    async (request, reply) => {
      const context = requestContext(request);
      const { password, passkey } = request.body;
      const result =
        password !== undefined
          ? await reauthenticateWithPassword(core, request.session, password, context)
          : await reauthenticateWithPasskey(core, request.session, passkey as unknown as AuthenticationResponseJSON, context);
      if (!result.ok) return replyFailure(reply, result);
      return {
        reauthenticatedUntil: reauthenticatedUntil(core, result.value.session).toISOString(),
        ...handOverReplacement(request, reply, result.value),
      };
    },
  );

  app.post(
    "/auth/reauthenticate/passkey-options",
    { onRequest: app.requireSession, schema: { response: { 200: webAuthnOptionsResponse } } },
    async (request) => ({ options: await startPasskeyReauthentication(core, request.session) }),
  );
};
