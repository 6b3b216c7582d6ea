// The demo catalogue. Open to everyone (the signed-out landing page shows its posters), but a
// device watching as a Kids profile gets only the titles made for children.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { titlesResponse } from "../../contract/schemas/catalogue";
import { titlesFor } from "../../core/catalogue/titles";
import type { CoreDeps } from "../../core/deps";
import { carriesSession } from "../plugins/session-auth";

/** How long a browser or a shared cache may keep the signed-out list: it changes only with a release. */
const PUBLIC_LIST_MAX_AGE_SEC = 300;

export const titleRoutes: FastifyPluginAsyncZod<{ core: CoreDeps }> = async (app) => {
  app.get(
    "/titles",
    {
      // No session check runs here; should one ever be added, browsing stays open to a Kids profile.
      config: { kidsProfile: "allowed" },
      schema: {
        tags: ["Catalogue"],
        summary: "The catalogue: every title signed out, only Kids titles on a Kids profile",
        response: { 200: titlesResponse },
      },
    },
    async (request, reply) => {
      const inUse = await app.sessionIfAny(request, reply);
      // The answer depends on the session, so a cache must key it on what carries one. Only
      // the signed-out list may be kept, and shared: an answer to a session must not outlive a
      // switch to a Kids profile in this browser's cache, nor reach anyone else from a proxy's.
      reply.header("vary", "Authorization, Cookie");
      reply.header("cache-control", carriesSession(request) ? "no-store" : `public, max-age=${PUBLIC_LIST_MAX_AGE_SEC}`);
      return { titles: titlesFor(inUse?.profile?.isKids ?? false) };
    },
  );
};
