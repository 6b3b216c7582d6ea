// Profile lock: set, change or remove a profile's PIN, and "Require PIN to add new profiles".
// Each carries the account password (see core/profiles/profile-lock.ts).
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  profileLockSettingRequest,
  profileLockSettingResponse,
  removeProfilePinRequest,
  setProfilePinRequest,
} from "../../contract/schemas/profile-lock";
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
      const result = await setProfilePin(core, request.session, request.params.id, request.body, requestContext(request));
      return result.ok ? { profile: toPublicProfile(result.value) } : replyFailure(reply, result);
    },
  );

  // A POST with a body, like removing a phone number: the password travels in it.
  app.post(
    "/profiles/:id/pin/remove",
    { schema: { params: profileParams, body: removeProfilePinRequest, response: { 200: profileResponse } } },
    async (request, reply) => {
      const change = { pin: null, currentPassword: request.body.currentPassword };
      const result = await setProfilePin(core, request.session, request.params.id, change, requestContext(request));
      return result.ok ? { profile: toPublicProfile(result.value) } : replyFailure(reply, result);
    },
  );

  app.put(
    "/account/profile-lock",
    { schema: { body: profileLockSettingRequest, response: { 200: profileLockSettingResponse } } },
    async (request, reply) => {
      const change = { required: request.body.requirePinToAddProfiles, currentPassword: request.body.currentPassword };
      const result = await setRequirePinToAddProfiles(core, request.session, change, requestContext(request));
      return result.ok ? { requirePinToAddProfiles: result.value } : replyFailure(reply, result);
    },
  );
};
