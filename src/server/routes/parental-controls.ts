// Profile & Parental Controls: opened and changed with the account password (see
// core/profiles/parental-controls.ts); like every account setting, never from a Kids profile.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  openParentalControlsRequest,
  type ParentalControls,
  parentalControlsResponse,
  updateParentalControlsRequest,
} from "../../contract/schemas/parental-controls";
import { catalogue, findTitle } from "../../core/catalogue/titles";
import type { CoreDeps } from "../../core/deps";
import { openParentalControls, type ParentalControlsView, updateParentalControls } from "../../core/profiles/parental-controls";
import { requestContext } from "../http/client";
import { replyFailure } from "../http/reply-failure";

const profileParams = z.strictObject({ id: z.uuid() });

export const parentalControlsRoutes: FastifyPluginAsyncZod<{ core: CoreDeps }> = async (app, { core }) => {
  app.addHook("onRequest", app.requireSession);

  // A POST, since the password travels in the body.
  app.post(
    "/profiles/:id/parental-controls/open",
    {
      schema: {
        tags: ["Profiles"],
        summary: "Profile & Parental Controls of one profile, given the account password",
        params: profileParams,
        body: openParentalControlsRequest,
        response: { 200: parentalControlsResponse },
      },
    },
    async (request, reply) => {
      reply.header("cache-control", "no-store");
      const { currentPassword } = request.body;
      const result = await openParentalControls(core, request.session, request.params.id, currentPassword, requestContext(request));
      return result.ok ? { parentalControls: toParentalControls(result.value) } : replyFailure(reply, result);
    },
  );

  app.patch(
    "/profiles/:id/parental-controls",
    {
      schema: {
        tags: ["Profiles"],
        summary: "Change a profile's maturity rating, its blocked titles, or the account's Exit Kids password setting",
        params: profileParams,
        body: updateParentalControlsRequest,
        response: { 200: parentalControlsResponse },
      },
    },
    async (request, reply) => {
      reply.header("cache-control", "no-store");
      const result = await updateParentalControls(core, request.session, request.params.id, request.body, requestContext(request));
      return result.ok ? { parentalControls: toParentalControls(result.value) } : replyFailure(reply, result);
    },
  );
};

function toParentalControls({ profile, askPasswordToExitKids, viewingActivity }: ParentalControlsView): ParentalControls {
  return {
    profileId: profile.id,
    profileName: profile.name,
    isKids: profile.isKids,
    maxRating: profile.maxRating,
    restrictedTitles: catalogue.filter((title) => profile.restrictedTitles.includes(title.id)),
    titles: [...catalogue],
    locked: profile.pinHash !== null,
    askPasswordToExitKids,
    language: profile.language,
    viewingActivity: viewingActivity.map((entry) => ({
      titleId: entry.titleId,
      titleName: findTitle(entry.titleId)?.name ?? entry.titleId,
      startedAt: entry.startedAt.toISOString(),
      deviceName: entry.device.name,
    })),
  };
}
