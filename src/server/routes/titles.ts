// The demo catalogue. Open to everyone (the signed-out landing page shows its posters), but a
// device watching as a profile gets only what that profile may watch (its rating, its blocked
// titles, and on a Kids profile only the titles made for children).
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { titleId, titleResponse, titlesResponse } from "../../contract/schemas/catalogue";
import { mayWatch, titlesFor } from "../../core/catalogue/may-watch";
import { findTitle } from "../../core/catalogue/titles";
import type { CoreDeps } from "../../core/deps";
import { fail } from "../../core/result";
import { replyFailure } from "../http/reply-failure";
import { carriesSession } from "../plugins/session-auth";

/** How long a browser or a shared cache may keep the signed-out answer: it changes only with a release. */
const PUBLIC_LIST_MAX_AGE_SEC = 300;

/**
 * The answer depends on the session, so a cache must key it on what carries one. Only the
 * signed-out answer may be kept, and shared: an answer to a session must not outlive a switch
 * to a Kids profile in this browser's cache, nor reach anyone else from a proxy's.
 */
function cacheBySession(request: FastifyRequest, reply: FastifyReply): void {
  reply.header("vary", "Authorization, Cookie");
  reply.header("cache-control", carriesSession(request) ? "no-store" : `public, max-age=${PUBLIC_LIST_MAX_AGE_SEC}`);
}

export const titleRoutes: FastifyPluginAsyncZod<{ core: CoreDeps }> = async (app) => {
  app.get(
    "/titles",
    {
      // No session check runs here; should one ever be added, browsing stays open to a Kids profile.
      config: { kidsProfile: "allowed" },
      schema: {
        tags: ["Catalogue"],
        summary: "The catalogue: every title signed out, only what the profile may watch on a profile",
        response: { 200: titlesResponse },
      },
    },
    async (request, reply) => {
      const inUse = await app.sessionIfAny(request, reply);
      cacheBySession(request, reply);
      return { titles: titlesFor(inUse?.profile ?? null) };
    },
  );

  app.get(
    "/titles/:titleId",
    {
      config: { kidsProfile: "allowed" },
      schema: {
        tags: ["Catalogue"],
        summary: "One title, if the profile may watch it: 403 TITLE_RESTRICTED when its parental controls keep it out",
        params: z.strictObject({ titleId }),
        response: { 200: titleResponse },
      },
    },
    async (request, reply) => {
      const inUse = await app.sessionIfAny(request, reply);
      cacheBySession(request, reply);
      const title = findTitle(request.params.titleId);
      if (!title) return replyFailure(reply, fail("TITLE_NOT_FOUND"));
      if (!mayWatch(inUse?.profile ?? null, title)) return replyFailure(reply, fail("TITLE_RESTRICTED"));
      return { title };
    },
  );
};
