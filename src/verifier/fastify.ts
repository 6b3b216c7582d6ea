// The verifier as a Fastify plugin. It imports nothing of Fastify but types, so the verifier
// has no runtime dependency on it: the plugin is a plain async function marked the way
// fastify-plugin marks one (`skip-override`), so its decorations reach the app that registers it.
//
//   await app.register(usherSessions, { verifier });
//   app.get("/play/:titleId", { preHandler: requireSession }, async (request) => request.usherSession);
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import type { SessionClaims } from "./claims.js";
import type { SessionVerifier } from "./verifier.js";
import { refusal, sessionFromHeaders } from "./viewer-token.js";

declare module "fastify" {
  interface FastifyRequest {
    /** The viewer's session once `requireSession` let the request through; null on routes without it. */
    usherSession: SessionClaims | null;
  }
}

export interface UsherSessionsOptions {
  verifier: SessionVerifier;
}

/** Where the plugin leaves the verifier on the app, for requireSession to find through `request.server`. */
const VERIFIER = Symbol.for("usher.sessionVerifier");

async function registerUsherSessions(app: FastifyInstance, options: UsherSessionsOptions): Promise<void> {
  app.decorate(VERIFIER, options.verifier);
  app.decorateRequest("usherSession", null);
}

/** Decorates requests with `usherSession` (null until requireSession ran) and gives requireSession its verifier. */
export const usherSessions: FastifyPluginAsync<UsherSessionsOptions> = Object.assign(registerUsherSessions, {
  [Symbol.for("skip-override")]: true,
  [Symbol.for("fastify.display-name")]: "usher-sessions",
});

/**
 * A preHandler hook: a live session sets `request.usherSession` and goes on; no token or a
 * signed-out one is answered 401 {"error":"not_signed_in"}, no answer from Usher 503
 * {"error":"usher_unavailable"}.
 */
export async function requireSession(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
  const verifier = (request.server as unknown as Record<symbol, SessionVerifier | undefined>)[VERIFIER];
  if (!verifier) throw new Error("requireSession needs the usherSessions plugin registered on this app");
  const verdict = await sessionFromHeaders(verifier, request.headers);
  if (verdict.status === "active") {
    request.usherSession = verdict.claims;
    return undefined;
  }
  // What went wrong with Usher is what is logged; the token never is.
  if (verdict.status === "unavailable") request.log.error({ reason: verdict.reason }, "could not ask Usher about the viewer's session");
  const answer = refusal(verdict);
  return reply.code(answer.statusCode).headers(answer.headers).send(answer.body);
}
