// Authenticates a request from its bearer token or session cookie, against the database,
// every time. Routes opt in with `onRequest: app.requireSession`. A session watching as a Kids
// profile is refused (403 KIDS_PROFILE) unless the route says `config: { kidsProfile: "allowed" }`.
// A route open to everyone that answers a signed-in device differently (the catalogue, for a
// Kids profile) asks `app.sessionIfAny` instead, which never refuses. A route that says
// `config: { onBehalfOfViewer: true }` also takes a platform service's request on behalf of a
// viewer: the service's own credentials (client_secret_basic) with the viewer's token in the
// Usher-Viewer-Token header, checked as that viewer's app would be.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import type { CoreDeps } from "../../core/deps";
import { type KidsProfileAccess, refuseKidsProfile } from "../../core/profiles/kids-profile";
import { fail, ok, type Result } from "../../core/result";
import type { SessionInUse, SessionRecord } from "../../core/sessions/ports";
import { type SessionRefusal, validateSession } from "../../core/sessions/validate-session";
import { requestContext } from "../http/client";
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from "../http/cookies";
import { replyFailure } from "../http/reply-failure";
import { serviceClientOfRequest } from "../http/service-authentication";

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
    /**
     * For routes open to everyone: the live session the request carries, or null when it
     * carries none or one that is no longer live (it is then answered as signed out).
     */
    sessionIfAny(request: FastifyRequest, reply: FastifyReply): Promise<SessionInUse | null>;
  }
  interface FastifyContextConfig {
    /** Set only on what a Kids profile may use (browsing, switching profile, signing out); others refuse it. */
    kidsProfile?: KidsProfileAccess;
    /** A platform service may call it for a viewer, with the viewer's token in Usher-Viewer-Token. */
    onBehalfOfViewer?: boolean;
  }
}

/** The bearer token, if the request carries an Authorization header of that scheme. */
export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const [scheme, token] = header.split(" ", 2);
  return scheme?.toLowerCase() === "bearer" && token ? token.trim() : undefined;
}

/** Where a platform service puts the token of the viewer it calls for. */
export const VIEWER_TOKEN_HEADER = "usher-viewer-token";

/** Whether the request carries a session token at all, live or not: a bearer token or the session cookie. */
export function carriesSession(request: FastifyRequest): boolean {
  return (bearerToken(request) ?? request.cookies[SESSION_COOKIE]) !== undefined;
}

export const sessionAuth = fp(async (app: FastifyInstance, options: { core: CoreDeps }) => {
  app.decorateRequest("session", null as unknown as SessionRecord);
  app.decorateRequest("sessionInUse", null as unknown as SessionInUse);
  app.decorateRequest("sessionCarrier", "cookie");

  const serviceClient = serviceClientOfRequest(options.core);

  /** The viewer's token a platform service sent, once the service's credentials verify; null when they don't. */
  async function viewerTokenOfService(request: FastifyRequest): Promise<string | null | undefined> {
    const viewerToken = request.headers[VIEWER_TOKEN_HEADER];
    if (!request.routeOptions.config?.onBehalfOfViewer || typeof viewerToken !== "string") return undefined;
    return (await serviceClient(request)) ? viewerToken : null;
  }

  /** Checks the token the request carries and, when it names a live session, puts it on the request. */
  async function check(request: FastifyRequest, reply: FastifyReply): Promise<Result<SessionInUse, SessionRefusal>> {
    const viewerToken = await viewerTokenOfService(request);
    if (viewerToken === null) return fail("UNAUTHENTICATED");
    const bearer = viewerToken ?? bearerToken(request);
    const token = bearer ?? request.cookies[SESSION_COOKIE];
    if (!token) return fail("UNAUTHENTICATED");
    // A service's address and user agent are not the viewer's device's.
    const context = viewerToken ? { ip: null, userAgent: null } : requestContext(request);
    const result = await validateSession(options.core, token, context);
    if (!result.ok) {
      if (!bearer) clearSessionCookie(reply);
      return result;
    }
    const { extended, ...inUse } = result.value;
    const { session } = inUse;
    request.session = session;
    request.sessionInUse = inUse;
    request.sessionCarrier = bearer ? "bearer" : "cookie";
    // The cookie's own expiry must slide with the session's, or an active browser would
    // drop it 30 days after signing in, however much it was used.
    if (extended && !bearer) setSessionCookie(reply, token, session.expiresAt);
    return ok(inUse);
  }

  app.decorate("requireSession", async (request: FastifyRequest, reply: FastifyReply) => {
    const checked = await check(request, reply);
    if (!checked.ok) return void (await replyFailure(reply, checked));
    const kids = refuseKidsProfile(checked.value.profile, request.routeOptions.config?.kidsProfile);
    if (kids) return void (await replyFailure(reply, kids));
  });

  app.decorate("sessionIfAny", async (request: FastifyRequest, reply: FastifyReply) => {
    if (!carriesSession(request)) return null;
    const checked = await check(request, reply);
    return checked.ok ? checked.value : null;
  });
});
