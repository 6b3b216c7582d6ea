// The platform's services asking about sessions: token introspection (RFC 7662) and token
// revocation (RFC 7009). Registered inside the OAuth routes' scope: form posts, OAuth's error
// bodies. Introspection needs a service client's credentials; revocation also takes a
// registered app's client_id, so a phone or TV app can sign itself out with a standard library.
// Both are throttled: per service client, or per address for the apps.
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  type IntrospectionResponse,
  introspectionRequest,
  introspectionResponse,
  revocationRequest,
} from "../../contract/schemas/platform-services";
import { oauthErrorResponse } from "../../contract/schemas/tv-sign-in";
import type { CoreDeps } from "../../core/deps";
import { type Limit, throttle } from "../../core/rate-limit/throttle";
import type { ServiceClient } from "../../core/services/service-clients";
import { introspectSession, type SessionClaims } from "../../core/sessions/introspect-session";
import { revokeToken } from "../../core/sessions/revoke-token";
import { oauthFail } from "../../core/tv-sign-in/oauth-failure";
import { requestContext } from "../http/client";
import { refuseClient } from "../http/client-credentials";
import { FORM, noStore, refuseMalformed, sendOAuthError } from "../http/oauth-answers";
import { serviceClientOfRequest } from "../http/service-authentication";

const tags = ["Platform services (OAuth)"];
const errors = { 400: oauthErrorResponse, 401: oauthErrorResponse, 429: oauthErrorResponse };
const INACTIVE = { active: false } as const;

export const platformServiceRoutes: FastifyPluginAsyncZod<{ core: CoreDeps }> = async (app, { core }) => {
  const serviceClient = serviceClientOfRequest(core);

  app.post(
    "/oauth/introspect",
    {
      attachValidation: true,
      config: { allowCrossOrigin: true },
      // Every answer is built field by field (activeToken, INACTIVE, OAuth errors), and this is
      // every playback request's path: plain JSON, without checking it against the schema again.
      serializerCompiler: () => JSON.stringify,
      schema: {
        tags,
        summary: "Is this token a live session, and whose? (RFC 7662; service clients, client_secret_basic)",
        consumes: [FORM],
        body: introspectionRequest,
        response: { 200: introspectionResponse, ...errors },
      },
    },
    async (request, reply) => {
      const client = await serviceClient(request);
      if (!client) return refuseClient(reply);
      const refused = refuseMalformed(request.headers["content-type"], request.validationError);
      if (refused) return sendOAuthError(reply, refused);
      // One limit, consumed directly: this is every playback request's path.
      const pace = await core.limiter.consume(`service:${client.id}`, core.config.limits.servicePerClient);
      if (!pace.allowed) return sendOAuthError(reply, tooFast(pace.retryAfterSec));
      const claims = await introspectSession(core, request.body.token);
      noStore(reply);
      return claims ? activeToken(claims) : INACTIVE;
    },
  );

  app.post(
    "/oauth/revoke",
    {
      attachValidation: true,
      config: { allowCrossOrigin: true },
      schema: {
        tags,
        summary: "Sign a device out by its token (RFC 7009; service clients, or an app's client_id)",
        consumes: [FORM],
        body: revocationRequest,
        response: { 200: z.undefined().describe("Revoked, or nothing to revoke (RFC 7009 §2.2): an empty body"), ...errors },
      },
    },
    async (request, reply) => {
      const revoker = await revokingClient(core, serviceClient, request, request.body?.client_id);
      if (!revoker) return refuseClient(reply);
      const refused = refuseMalformed(request.headers["content-type"], request.validationError);
      if (refused) return sendOAuthError(reply, refused);
      const pace = await throttle(core.limiter, [revoker.limit]);
      if (!pace.ok) return sendOAuthError(reply, tooFast(pace.retryAfterSec));
      await revokeToken(core, request.body.token, revoker.clientId, requestContext(request));
      noStore(reply);
      return reply.code(200).send(undefined);
    },
  );
};

/** Who is revoking, and the budget it spends: a service's own, or an app's per address. */
async function revokingClient(
  core: CoreDeps,
  serviceClient: (request: FastifyRequest) => Promise<ServiceClient | null>,
  request: FastifyRequest,
  clientId: string | undefined,
): Promise<{ clientId: string; limit: Limit } | null> {
  if (request.headers.authorization !== undefined) {
    const client = await serviceClient(request);
    return client && { clientId: client.id, limit: [`service:${client.id}`, core.config.limits.servicePerClient] };
  }
  const app = core.config.tvSignIn.clients.find((candidate) => candidate.id === clientId);
  const ip = requestContext(request).ip ?? "unknown";
  return app ? { clientId: app.id, limit: [`revoke-ip:${ip}`, core.config.limits.appRevokePerIp] } : null;
}

const tooFast = (retryAfterSec = 1) =>
  oauthFail("slow_down", `Too many requests from this client. Try again in ${retryAfterSec} seconds.`, retryAfterSec);

function activeToken(claims: SessionClaims): IntrospectionResponse {
  const seconds = (at: Date) => Math.floor(at.getTime() / 1000);
  return {
    active: true,
    sub: claims.accountId,
    sid: claims.sessionId,
    exp: seconds(claims.expiresAt),
    iat: seconds(claims.issuedAt),
    auth_time: seconds(claims.authenticatedAt),
    token_type: "Bearer",
    aal: claims.assurance,
    plan: claims.plan,
    device: claims.device,
    profile: claims.profile && {
      id: claims.profile.id,
      name: claims.profile.name,
      kids: claims.profile.isKids,
      max_rating: claims.profile.maxRating,
      restricted_titles: claims.profile.restrictedTitles,
    },
  };
}
