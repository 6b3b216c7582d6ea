// Account → Security & Privacy: two-step verification's state, the authenticator app (set
// up, turn on, turn off) and backup codes.

import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import QRCode from "qrcode";
import {
  backupCodesResponse,
  enableTotpRequest,
  securityResponse,
  signOutOthersChoice,
  totpSetupResponse,
  twoStepChangedResponse,
} from "../../contract/schemas/two-step";
import type { CoreDeps } from "../../core/deps";
import type { FactorChanged } from "../../core/mfa/factor-change";
import { disableTotp, enableTotp, startTotpSetup } from "../../core/mfa/manage-totp";
import { regenerateBackupCodes } from "../../core/mfa/regenerate-backup-codes";
import { twoStepState } from "../../core/mfa/two-step-state";
import { reauthenticatedUntil } from "../../core/sessions/recent-proof";
import { requestContext } from "../http/client";
import { handOverReplacement } from "../http/replacement";
import { replyFailure } from "../http/reply-failure";

export const twoStepRoutes: FastifyPluginAsyncZod<{ core: CoreDeps }> = async (app, { core }) => {
  app.addHook("onRequest", app.requireSession);

  app.get("/account/security", { schema: { response: { 200: securityResponse } } }, async (request) => {
    const { accountId } = request.session;
    const [twoStep, requirePinToAddProfiles] = await Promise.all([
      twoStepState(core.stores, accountId),
      core.stores.profiles.requiresPinToAdd(accountId),
    ]);
    return { twoStep, requirePinToAddProfiles, reauthenticatedUntil: reauthenticatedUntil(core, request.session).toISOString() };
  });

  app.post("/account/two-step/totp/setup", { schema: { response: { 200: totpSetupResponse } } }, async (request, reply) => {
    const result = await startTotpSetup(core, request.session);
    if (!result.ok) return replyFailure(reply, result);
    const qrCode = `data:image/svg+xml;base64,${Buffer.from(await QRCode.toString(result.value.otpauthUri, { type: "svg", margin: 2 })).toString("base64")}`;
    return { ...result.value, qrCode };
  });

  app.post(
    "/account/two-step/totp/enable",
    { schema: { body: enableTotpRequest, response: { 200: twoStepChangedResponse } } },
    async (request, reply) => {
      const result = await enableTotp(core, request.session, request.body, requestContext(request));
      return result.ok ? factorChanged(request, reply, result.value) : replyFailure(reply, result);
    },
  );

  app.post(
    "/account/two-step/totp/disable",
    { schema: { body: signOutOthersChoice, response: { 200: twoStepChangedResponse } } },
    async (request, reply) => {
      const result = await disableTotp(core, request.session, request.body, requestContext(request));
      return result.ok ? factorChanged(request, reply, result.value) : replyFailure(reply, result);
    },
  );

  app.post("/account/two-step/backup-codes", { schema: { response: { 200: backupCodesResponse } } }, async (request, reply) => {
    const result = await regenerateBackupCodes(core, request.session, requestContext(request));
    return result.ok ? { backupCodes: result.value } : replyFailure(reply, result);
  });
};

export function factorChanged(request: FastifyRequest, reply: FastifyReply, changed: FactorChanged) {
  return {
    signedOutOtherDevices: changed.signedOutOtherDevices,
    backupCodes: changed.backupCodes,
    ...handOverReplacement(request, reply, changed.replacement),
  };
}
