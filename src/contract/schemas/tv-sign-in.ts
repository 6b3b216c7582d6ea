// TV sign-in: the OAuth 2.0 Device Authorization Grant (RFC 8628) a TV app speaks, and the
// approval API that the /tv page uses on the viewer's phone or computer. Browser-safe.
import { z } from "zod";
import { deviceKind, text, timestamp } from "./common";
import { profilePin } from "./profile-lock";

export const DEVICE_CODE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

/** User codes: 8 consonants without look-alikes or vowels (RFC 8628 §6.1), shown as ABCD-EFGH. */
export const USER_CODE_ALPHABET = "BCDFGHJKLMNPQRSTVWXZ";
export const USER_CODE_LENGTH = 8;

/**
 * What a viewer may type: letters in any case, with or without the dash or spaces. Other
 * characters are refused here rather than silently dropped.
 */
const userCodeInput = text()
  .max(32)
  .regex(/^[A-Za-z\s-]+$/, "Enter the code shown on your TV, like ABCD-EFGH.");

export const tvCodeParams = z.strictObject({ userCode: userCodeInput });

/** POST /oauth/device_authorization (form-encoded). `device_name` is Usher's extension. */
export const deviceAuthorizationRequest = z.object({
  client_id: text().min(1).max(100),
  scope: text().max(200).optional(),
  device_name: text().max(200).optional(),
});

export const deviceAuthorizationResponse = z.object({
  device_code: z.string(),
  user_code: z.string(),
  verification_uri: z.string(),
  verification_uri_complete: z.string(),
  expires_in: z.number().int(),
  interval: z.number().int(),
});

/** POST /oauth/token (form-encoded). Only the device-code grant is supported. */
export const tokenRequest = z.object({
  grant_type: text().max(200),
  device_code: text().max(200).optional(),
  client_id: text().max(100).optional(),
});

export const tokenResponse = z.object({
  access_token: z.string(),
  token_type: z.literal("Bearer"),
  expires_in: z.number().int(),
});

/** Error codes of RFC 6749 §5.2 and RFC 8628 §3.5, as the OAuth endpoints answer them. */
const oauthErrorCodes = [
  "invalid_request",
  "invalid_client",
  "invalid_grant",
  "unauthorized_client",
  "unsupported_grant_type",
  "authorization_pending",
  "slow_down",
  "access_denied",
  "expired_token",
  "server_error",
] as const;
export type OAuthErrorCode = (typeof oauthErrorCodes)[number];

export const oauthErrorResponse = z.object({
  error: z.enum(oauthErrorCodes),
  error_description: z.string().optional(),
});

export const authorizationServerMetadata = z.object({
  issuer: z.string(),
  device_authorization_endpoint: z.string(),
  token_endpoint: z.string(),
  grant_types_supported: z.array(z.string()),
  response_types_supported: z.array(z.string()),
  token_endpoint_auth_methods_supported: z.array(z.string()),
  introspection_endpoint: z.string(),
  introspection_endpoint_auth_methods_supported: z.array(z.string()),
  revocation_endpoint: z.string(),
  revocation_endpoint_auth_methods_supported: z.array(z.string()),
  service_documentation: z.string().optional(),
});

/** GET /api/v1/tv/codes/:userCode: which device asks to be signed in. */
export const tvCodeLookupResponse = z.object({
  userCode: z.string(),
  device: z.object({ name: z.string(), kind: deviceKind, ip: z.string().nullable() }),
  requestedAt: timestamp,
  expiresAt: timestamp,
});
export type TvCodeLookupResponse = z.infer<typeof tvCodeLookupResponse>;

/** A locked profile needs its PIN: approving a TV for it is choosing it. */
export const approveTvCodeRequest = z.strictObject({ profileId: z.uuid(), pin: profilePin.optional() });
