// The account page: who am I, membership details, language and time zone, change password, change plan.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  accountResponse,
  changePasswordRequest,
  changePasswordResponse,
  changePlanRequest,
  changePlanResponse,
  meResponse,
  plansResponse,
} from "../../contract/schemas/account";
import { languageSettingsRequest, languageSettingsResponse } from "../../contract/schemas/language";
import { toPublicAccount } from "../../core/accounts/account-overview";
import { changePassword } from "../../core/accounts/change-password";
import { changePlan, planOptions } from "../../core/accounts/change-plan";
import { setLanguageAndTimeZone } from "../../core/accounts/language-settings";
import type { CoreDeps } from "../../core/deps";
import { toPublicProfile } from "../../core/profiles/public-profile";
import { requestContext } from "../http/client";
import { setSessionCookie } from "../http/cookies";
import { replyFailure } from "../http/reply-failure";

export const accountRoutes: FastifyPluginAsyncZod<{ core: CoreDeps }> = async (app, { core }) => {
  // Served from what the session check read: no statement of its own. Every signed-in page
  // needs it, a Kids profile's included.
  app.get(
    "/me",
    { onRequest: app.requireSession, config: { kidsProfile: "allowed" }, schema: { response: { 200: meResponse } } },
    async (request) => {
      const { session, accountEmail, accountEmailVerified, profile } = request.sessionInUse;
      return {
        account: { id: session.accountId, email: accountEmail, emailVerified: accountEmailVerified },
        session: { id: session.id, deviceKind: session.deviceKind, deviceName: session.deviceName },
        profile: profile ? toPublicProfile(profile) : null,
      };
    },
  );

  app.get("/account", { onRequest: app.requireSession, schema: { response: { 200: accountResponse } } }, async (request, reply) => {
    const account = await core.stores.accounts.findById(request.session.accountId);
    if (!account) return replyFailure(reply, { ok: false, code: "UNAUTHENTICATED" });
    return { account: toPublicAccount(account, core.config) };
  });

  app.put(
    "/account/language",
    { onRequest: app.requireSession, schema: { body: languageSettingsRequest, response: { 200: languageSettingsResponse } } },
    async (request) => setLanguageAndTimeZone(core, request.session, request.body),
  );

  app.post(
    "/account/password",
    { onRequest: app.requireSession, schema: { body: changePasswordRequest, response: { 200: changePasswordResponse } } },
    async (request, reply) => {
      const result = await changePassword(core, request.session, request.body, requestContext(request));
      if (!result.ok) return replyFailure(reply, result);
      const { signedOutOtherDevices, replacement } = result.value;
      if (request.sessionCarrier === "cookie") {
        setSessionCookie(reply, replacement.token, replacement.session.expiresAt);
        return { signedOutOtherDevices };
      }
      return { signedOutOtherDevices, token: replacement.token };
    },
  );

  app.get("/account/plan", { onRequest: app.requireSession, schema: { response: { 200: plansResponse } } }, async (request, reply) => {
    const account = await core.stores.accounts.findById(request.session.accountId);
    if (!account) return replyFailure(reply, { ok: false, code: "UNAUTHENTICATED" });
    return { plan: account.plan, plans: planOptions(core) };
  });

  // A Kids profile cannot change the plan (the session check refuses it there).
  app.put(
    "/account/plan",
    { onRequest: app.requireSession, schema: { body: changePlanRequest, response: { 200: changePlanResponse } } },
    async (request, reply) => {
      const result = await changePlan(core, request.session, request.body.plan, requestContext(request));
      return result.ok ? result.value : replyFailure(reply, result);
    },
  );
};
