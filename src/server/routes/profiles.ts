// "Who's watching?": list, add, edit, delete and choose profiles.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
// A locked profile is chosen with its PIN
import { chooseProfileRequest } from "../../contract/schemas/profile-lock";
import { createProfileRequest, profileListResponse, profileResponse, updateProfileRequest } from "../../contract/schemas/profiles";
import type { CoreDeps } from "../../core/deps";
import { chooseProfile, createProfile, deleteProfile, listProfiles, updateProfile } from "../../core/profiles/manage-profiles";
import { toPublicProfile } from "../../core/profiles/public-profile";
import { requestContext } from "../http/client";
import { replyFailure } from "../http/reply-failure";

const profileParams = z.strictObject({ id: z.uuid() });

export const profileRoutes: FastifyPluginAsyncZod<{ core: CoreDeps }> = async (app, { core }) => {
  app.addHook("onRequest", app.requireSession);

  // "Who's watching?" and switching profile serve a Kids profile too (a locked profile still
  // asks for its PIN); adding, editing and deleting profiles do not.
  app.get("/profiles", { config: { kidsProfile: "allowed" }, schema: { response: { 200: profileListResponse } } }, async (request) => {
    const profiles = await listProfiles(core, request.session.accountId);
    return { profiles: profiles.map(toPublicProfile) };
  });

  app.post("/profiles", { schema: { body: createProfileRequest, response: { 201: profileResponse } } }, async (request, reply) => {
    const result = await createProfile(core, request.session, request.body, requestContext(request));
    if (!result.ok) return replyFailure(reply, result);
    return reply.code(201).send({ profile: toPublicProfile(result.value) });
  });

  app.patch(
    "/profiles/:id",
    { schema: { params: profileParams, body: updateProfileRequest, response: { 200: profileResponse } } },
    async (request, reply) => {
      const result = await updateProfile(core, request.session, request.params.id, request.body, requestContext(request));
      return result.ok ? { profile: toPublicProfile(result.value) } : replyFailure(reply, result);
    },
  );

  app.delete("/profiles/:id", { schema: { params: profileParams } }, async (request, reply) => {
    const result = await deleteProfile(core, request.session, request.params.id, requestContext(request));
    return result.ok ? reply.code(204).send() : replyFailure(reply, result);
  });

  app.post(
    "/profiles/:id/choose",
    {
      config: { kidsProfile: "allowed" },
      schema: { params: profileParams, body: chooseProfileRequest, response: { 200: profileResponse } },
    },
    async (request, reply) => {
      const proof = { pin: request.body?.pin, currentPassword: request.body?.currentPassword };
      const result = await chooseProfile(core, request.session, request.params.id, proof, requestContext(request));
      return result.ok ? { profile: toPublicProfile(result.value) } : replyFailure(reply, result);
    },
  );
};
