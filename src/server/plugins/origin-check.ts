// Cross-site request forgery defence: an unsafe request that a browser could have sent on
// its own (anything but a bearer-token request) must come from the app's own origin.
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { SESSION_COOKIE } from "../http/cookies";
import { replyFailure } from "../http/reply-failure";
import { bearerToken } from "./session-auth";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

declare module "fastify" {
  interface FastifyContextConfig {
    /**
     * For endpoints that read no cookie at all (the OAuth endpoints TVs post forms to): a
     * forged request there carries nothing of the victim's, so any origin may call them.
     */
    allowCrossOrigin?: boolean;
  }
}

export const originCheck = fp(async (app: FastifyInstance, options: { allowedOrigins: readonly string[] }) => {
  const allowed = new Set(options.allowedOrigins);
  app.addHook("onRequest", async (request, reply) => {
    if (SAFE_METHODS.has(request.method)) return;
    if (request.routeOptions.config?.allowCrossOrigin) return;
    // Bearer tokens are never attached by a browser on someone else's behalf. Any other
    // Authorization header leaves the request riding on its cookie, so it is checked.
    if (bearerToken(request)) return;
    const origin = request.headers.origin;
    const fetchSite = request.headers["sec-fetch-site"];
    const fromOwnSite = origin
      ? allowed.has(origin)
      : fetchSite
        ? fetchSite === "same-origin" || fetchSite === "none"
        : // No browser signal at all: an app or a script, fine unless it rides on a cookie.
          !request.cookies[SESSION_COOKIE];
    if (!fromOwnSite) return replyFailure(reply, { ok: false, code: "CROSS_ORIGIN_REQUEST" });
  });
});
