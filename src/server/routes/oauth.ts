// TV sign-in on the wire: the OAuth 2.0 Device Authorization Grant (RFC 8628) endpoints and
// the authorization server metadata (RFC 8414). Outside /api/v1: form posts from devices,
// answered with OAuth's own error bodies so that any standard OAuth client understands them.
// Throttled per IP (see startDeviceAuthorization / redeemDeviceCode); no cookies are read, so
// the cookie origin check does not apply.
import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  authorizationServerMetadata,
  DEVICE_CODE_GRANT,
  deviceAuthorizationRequest,
  deviceAuthorizationResponse,
  type OAuthErrorCode,
  oauthErrorResponse,
  tokenRequest,
  tokenResponse,
} from "../../contract/schemas/tv-sign-in";
import type { CoreDeps } from "../../core/deps";
import { loggableError } from "../../core/loggable-error";
import { type OAuthFailure, oauthFail } from "../../core/tv-sign-in/oauth-failure";
import { redeemDeviceCode } from "../../core/tv-sign-in/redeem-device-code";
import { startDeviceAuthorization } from "../../core/tv-sign-in/start-device-authorization";
import { formatUserCode } from "../../core/tv-sign-in/user-code";
import { requestContext } from "../http/client";
import { acceptFormBodies } from "../http/form-body";

const FORM = "application/x-www-form-urlencoded";
const oauthErrors = { 400: oauthErrorResponse, 401: oauthErrorResponse, 429: oauthErrorResponse };

export const oauthRoutes: FastifyPluginAsyncZod<{ core: CoreDeps; publicUrl: string }> = async (app, { core, publicUrl }) => {
  acceptFormBodies(app);
  // Inside this scope every problem is an OAuth error body, never the API's catalogue.
  app.setErrorHandler((error, request, reply) => {
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status >= 400 && status < 500) return sendOAuthError(reply, oauthFail("invalid_request", badRequestDescription(error)));
    request.log.error({ failure: loggableError(error) }, "oauth request failed");
    return sendOAuthError(reply, oauthFail("server_error", "Something went wrong on our side."));
  });

  app.get(
    "/.well-known/oauth-authorization-server",
    { schema: { tags: ["TV sign-in (OAuth)"], response: { 200: authorizationServerMetadata } } },
    async () => ({
      issuer: publicUrl,
      device_authorization_endpoint: `${publicUrl}/oauth/device_authorization`,
      token_endpoint: `${publicUrl}/oauth/token`,
      grant_types_supported: [DEVICE_CODE_GRANT],
      // No authorization endpoint: the device grant needs none.
      response_types_supported: [],
      token_endpoint_auth_methods_supported: ["none"],
      service_documentation: `${publicUrl}/api/docs`,
    }),
  );

  app.post(
    "/oauth/device_authorization",
    {
      attachValidation: true,
      config: { allowCrossOrigin: true },
      schema: {
        tags: ["TV sign-in (OAuth)"],
        consumes: [FORM],
        body: deviceAuthorizationRequest,
        response: { 200: deviceAuthorizationResponse, ...oauthErrors },
      },
    },
    async (request, reply) => {
      const refused = refuseMalformed(request.headers["content-type"], request.validationError);
      if (refused) return sendOAuthError(reply, refused);
      const { client_id: clientId, device_name: deviceName } = request.body;
      const result = await startDeviceAuthorization(core, { clientId, deviceName }, requestContext(request));
      if (!result.ok) return sendOAuthError(reply, result);
      const { deviceCode, userCode, expiresInSec, intervalSec } = result.value;
      const shown = formatUserCode(userCode);
      noStore(reply);
      return {
        device_code: deviceCode,
        user_code: shown,
        verification_uri: `${publicUrl}/tv`,
        verification_uri_complete: `${publicUrl}/tv?code=${shown}`,
        expires_in: expiresInSec,
        interval: intervalSec,
      };
    },
  );

  app.post(
    "/oauth/token",
    {
      attachValidation: true,
      config: { allowCrossOrigin: true },
      schema: {
        tags: ["TV sign-in (OAuth)"],
        consumes: [FORM],
        body: tokenRequest,
        response: { 200: tokenResponse, ...oauthErrors },
      },
    },
    async (request, reply) => {
      const refused = refuseMalformed(request.headers["content-type"], request.validationError);
      if (refused) return sendOAuthError(reply, refused);
      const { grant_type: grantType, device_code: deviceCode, client_id: clientId } = request.body;
      if (grantType !== DEVICE_CODE_GRANT) {
        return sendOAuthError(reply, oauthFail("unsupported_grant_type", "Only the device code grant is supported."));
      }
      const result = await redeemDeviceCode(core, { clientId, deviceCode }, requestContext(request));
      if (!result.ok) return sendOAuthError(reply, result);
      const { session, token } = result.value;
      noStore(reply);
      return {
        access_token: token,
        token_type: "Bearer" as const,
        expires_in: Math.max(0, Math.floor((session.expiresAt.getTime() - core.clock.now().getTime()) / 1000)),
      };
    },
  );
};

/** Token answers must never be cached (RFC 6749 §5.1). */
function noStore(reply: FastifyReply): void {
  reply.header("cache-control", "no-store").header("pragma", "no-cache");
}

const STATUS: Partial<Record<OAuthErrorCode, number>> = { invalid_client: 401, server_error: 500 };

function sendOAuthError(reply: FastifyReply, failure: OAuthFailure): FastifyReply {
  noStore(reply);
  let status = STATUS[failure.error] ?? 400;
  if (failure.retryAfterSec !== undefined) {
    status = 429;
    reply.header("retry-after", String(failure.retryAfterSec));
  }
  return reply.code(status).type("application/json").send({ error: failure.error, error_description: failure.description });
}

/** OAuth requests are form posts; anything else, or a body of the wrong shape, is invalid_request. */
function refuseMalformed(contentType: string | undefined, validationError: Error | undefined): OAuthFailure | null {
  if (!contentType?.toLowerCase().startsWith(FORM)) {
    return oauthFail("invalid_request", `Send the parameters as ${FORM}.`);
  }
  if (validationError) return oauthFail("invalid_request", "A parameter is missing or too long.");
  return null;
}

function badRequestDescription(error: unknown): string {
  const duplicate = (error as { duplicateParameter?: string }).duplicateParameter;
  return duplicate ? `${duplicate} is given more than once.` : "The request could not be understood.";
}
