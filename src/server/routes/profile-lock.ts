// Profile lock: set or remove a profile's PIN, and "Require PIN to add new profiles".
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { profileLockSettingRequest, profileLockSettingResponse, setProfilePinRequest } from "../../contract/schemas/profile-lock";
import { profileResponse } from "../../contract/schemas/profiles";
import type { CoreDeps } from "../../core/deps";
import { setProfilePin, setRequirePinToAddProfiles } from "../../core/profiles/profile-lock";
import { toPublicProfile } from "../../core/profiles/public-profile";
import { requestContext } from "../http/client";
import { replyFailure } from "../http/reply-failure";

const profileParams = z.strictObject({ id: z.uuid() });

export const profileLockRoutes: FastifyPluginAsyncZod<{ core: CoreDeps }> = async (app, { core }) => {
  app.addHook("onRequest", app.requireSession);

  app.put(
    "/profiles/:id/pin",
    { schema: { params: profileParams, body: setProfilePinRequest, response: { 200: profileResponse } } },
    async (request, reply) => {
      const result = await setProfilePin(core, request.session, request.params.id, request.body.pin, requestContext(request));
      return result.ok ? { profile: toPublicProfile(result.value) } : replyFailure(reply, result);
    },
  );

  app.delete("/profiles/:id/pin", { schema: { params: profileParams, response: { 200: profileResponse } } }, async (request, reply) => {
    const result = await setProfilePin(core, request.session, request.params.id, null, requestContext(request));
    return result.ok ? { profile: toPublicProfile(result.value) } : replyFailure(reply, result);
  });

  app.put(
    "/account/profile-lock",
    { schema: { body: profileLockSettingRequest, response: { 200: profileLockSettingResponse } } },
    async (request, reply) => {
      const result = await setRequirePinToAddProfiles(core, request.session, request.body.requirePinToAddProfiles, requestContext(request));
      return result.ok ? { requirePinToAddProfiles: result.value } : replyFailure(reply, result);
    },
  );
};
