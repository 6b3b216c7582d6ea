// Authenticates a request from its bearer token or session cookie, against the database,
// every time. Routes opt in with `onRequest: app.requireSession`. A session watching as a Kids
// profile is refused (403 KIDS_PROFILE) unless the route says `config: { kidsProfile: "allowed" }`.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import type { CoreDeps } from "../../core/deps";
import { type KidsProfileAccess, refuseKidsProfile } from "../../core/profiles/kids-profile";
import type { SessionInUse, SessionRecord } from "../../core/sessions/ports";
import { validateSession } from "../../core/sessions/validate-session";
import { requestContext } from "../http/client";
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from "../http/cookies";
import { replyFailure } from "../http/reply-failure";

declare module "fastify" {
  interface FastifyRequest {
    /** Set by requireSession; routes that use it can rely on it. */
    session: SessionRecord;
    /** Read with the session, in the same statement: the account's email and the profile in use. */
    sessionInUse: SessionInUse;
    /** How the session token arrived: bearer tokens are kept by apps, cookies by browsers. */
    sessionCarrier: "bearer" | "cookie";
  }
  interface FastifyInstance {
    requireSession(request: FastifyRequest, reply: FastifyReply): Promise<void>;
  }
  interface FastifyContextConfig {
    /** Set only on what a Kids profile may use (browsing, switching profile, signing out); others refuse it. */
    kidsProfile?: KidsProfileAccess;
  }
}

/** The bearer token, if the request carries an Authorization header of that scheme. */
export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const [scheme, token] = header.split(" ", 2);
  return scheme?.toLowerCase() === "bearer" && token ? token.trim() : undefined;
}

export const sessionAuth = fp(async (app: FastifyInstance, options: { core: CoreDeps }) => {
  app.decorateRequest("session", null as unknown as SessionRecord);
  app.decorateRequest("sessionInUse", null as unknown as SessionInUse);
  app.decorateRequest("sessionCarrier", "cookie");

  app.decorate("requireSession", async (request: FastifyRequest, reply: FastifyReply) => {
    const bearer = bearerToken(request);
    const token = bearer ?? request.cookies[SESSION_COOKIE];
    if (!token) return void (await replyFailure(reply, { ok: false, code: "UNAUTHENTICATED" }));
    const result = await validateSession(options.core, token, requestContext(request));
    if (!result.ok) {
      if (!bearer) clearSessionCookie(reply);
      return void (await replyFailure(reply, result));
    }
    const { extended, ...inUse } = result.value;
    const { session } = inUse;
    request.session = session;
    request.sessionInUse = inUse;
    request.sessionCarrier = bearer ? "bearer" : "cookie";
    // The cookie's own expiry must slide with the session's, or an active browser would
    // drop it 30 days after signing in, however much it was used.
    if (extended && !bearer) setSessionCookie(reply, token, session.expiresAt);
    const kids = refuseKidsProfile(inUse.profile, request.routeOptions.config?.kidsProfile);
    if (kids) return void (await replyFailure(reply, kids));
  });
});
