// Add phone number, change it, verify it with the texted code, remove it.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  phoneCodeSentResponse,
  phoneResponse,
  phoneVerifiedResponse,
  removePhoneRequest,
  setPhoneRequest,
  verifyPhoneRequest,
} from "../../contract/schemas/account";
import type { CoreDeps } from "../../core/deps";
import { type PhoneSet, removePhone, resendPhoneCode, setPhone, verifyPhone } from "../../core/phone/manage-phone";
import { toPublicPhone } from "../../core/phone/public-phone";
import { requestContext } from "../http/client";
import { replyFailure } from "../http/reply-failure";

export const phoneRoutes: FastifyPluginAsyncZod<{ core: CoreDeps }> = async (app, { core }) => {
  app.put(
    "/account/phone",
    { onRequest: app.requireSession, schema: { body: setPhoneRequest, response: { 200: phoneCodeSentResponse } } },
    async (request, reply) => {
      const result = await setPhone(core, request.session, request.body, requestContext(request));
      return result.ok ? codeSent(result.value) : replyFailure(reply, result);
    },
  );

  app.post(
    "/account/phone/resend-code",
    { onRequest: app.requireSession, schema: { response: { 200: phoneCodeSentResponse } } },
    async (request, reply) => {
      const result = await resendPhoneCode(core, request.session);
      return result.ok ? codeSent(result.value) : replyFailure(reply, result);
    },
  );

  app.post(
    "/account/phone/verify",
    { onRequest: app.requireSession, schema: { body: verifyPhoneRequest, response: { 200: phoneVerifiedResponse } } },
    async (request, reply) => {
      const result = await verifyPhone(core, request.session, request.body.code, requestContext(request));
      if (!result.ok) return replyFailure(reply, result);
      // The code just verified the account's number, so it has one.
      return { phone: toPublicPhone(result.value)! };
    },
  );

  app.post(
    "/account/phone/remove",
    { onRequest: app.requireSession, schema: { body: removePhoneRequest, response: { 200: phoneResponse } } },
    async (request, reply) => {
      const result = await removePhone(core, request.session, request.body.currentPassword, requestContext(request));
      return result.ok ? { phone: null } : replyFailure(reply, result);
    },
  );
};

function codeSent({ account, codeExpiresAt }: PhoneSet) {
  return { phone: toPublicPhone(account)!, codeExpiresAt: codeExpiresAt?.toISOString() ?? null };
}
