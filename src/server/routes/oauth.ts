// OAuth on the wire: TV sign-in's Device Authorization Grant (RFC 8628), the platform
// services' introspection and revocation (platform-services.ts), and the authorization server
// metadata (RFC 8414) naming them. Outside /api/v1: form posts from devices,
// answered with OAuth's own error bodies so that any standard OAuth client understands them.
// Throttled per IP (see startDeviceAuthorization / redeemDeviceCode); no cookies are read, so
// the cookie origin check does not apply.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  authorizationServerMetadata,
  DEVICE_CODE_GRANT,
  deviceAuthorizationRequest,
  deviceAuthorizationResponse,
  oauthErrorResponse,
  tokenRequest,
  tokenResponse,
} from "../../contract/schemas/tv-sign-in";
import { AccountLockedError } from "../../core/accounts/account-locked";
import type { CoreDeps } from "../../core/deps";
import { loggableError } from "../../core/loggable-error";
import { oauthFail } from "../../core/tv-sign-in/oauth-failure";
import { redeemDeviceCode } from "../../core/tv-sign-in/redeem-device-code";
import { startDeviceAuthorization } from "../../core/tv-sign-in/start-device-authorization";
import { formatUserCode } from "../../core/tv-sign-in/user-code";
import { requestContext } from "../http/client";
import { acceptFormBodies } from "../http/form-body";
import { FORM, noStore, refuseMalformed, sendOAuthError } from "../http/oauth-answers";
import { platformServiceRoutes } from "./platform-services";

const oauthErrors = { 400: oauthErrorResponse, 401: oauthErrorResponse, 429: oauthErrorResponse };

export const oauthRoutes: FastifyPluginAsyncZod<{ core: CoreDeps; publicUrl: string }> = async (app, { core, publicUrl }) => {
  acceptFormBodies(app);
  // Inside this scope every problem is an OAuth error body, never the API's catalogue.
  app.setErrorHandler((error, request, reply) => {
    // A TV approved before support locked the account is refused when it comes for its token.
    if (error instanceof AccountLockedError) return sendOAuthError(reply, oauthFail("access_denied", "This account is locked."));
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
      introspection_endpoint: `${publicUrl}/oauth/introspect`,
      introspection_endpoint_auth_methods_supported: ["client_secret_basic"],
      revocation_endpoint: `${publicUrl}/oauth/revoke`,
      revocation_endpoint_auth_methods_supported: ["client_secret_basic", "none"],
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

  await app.register(platformServiceRoutes, { core });
};

function badRequestDescription(error: unknown): string {
  const duplicate = (error as { duplicateParameter?: string }).duplicateParameter;
  return duplicate ? `${duplicate} is given more than once.` : "The request could not be understood.";
}
