// The TV's side of RFC 8628 (OAuth 2.0 Device Authorization Grant), on the wire exactly as a
// TV app speaks it: ask for a code to show, then poll the token endpoint until the viewer has
// approved or denied it on their phone, or the code has expired.
import { createUsherClient } from "../../../../client";
import { t } from "../../../lib/i18n";

/** The TV app registered in Usher's configuration (OAUTH_CLIENTS). */
export const TV_CLIENT_ID = "usher-tv";
/** What the viewer's phone shows as the device asking (Usher's extension to RFC 8628). */
export const TV_DEVICE_NAME = "Living-room TV";
const DEVICE_CODE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

export interface DeviceAuthorization {
  deviceCode: string;
  /** As shown on screen: ABCD-EFGH. */
  userCode: string;
  verificationUri: string;
  verificationUriComplete: string;
  expiresAt: number;
  intervalMs: number;
}

export type TokenPoll =
  | { kind: "token"; accessToken: string }
  | { kind: "pending" }
  | { kind: "slow_down" }
  | { kind: "expired" }
  | { kind: "denied" }
  | { kind: "failed"; message: string };

/**
 * The typed client as the TV app holds it before sign-in: no token, and no cookie of Usher's
 * (the simulator must not borrow this browser's sign-in). OAuth bodies are form-encoded.
 */
const tvSigningIn = createUsherClient({ baseUrl: window.location.origin, auth: { mode: "none" } });
const formEncoded = { headers: { "content-type": "application/x-www-form-urlencoded" } };

export async function requestDeviceAuthorization(now = Date.now()): Promise<DeviceAuthorization> {
  const { data, error } = await tvSigningIn.POST("/oauth/device_authorization", {
    body: { client_id: TV_CLIENT_ID, device_name: TV_DEVICE_NAME },
    ...formEncoded,
  });
  if (!data) throw new Error(error?.error_description ?? t("tv.deviceAuthorization.noCode"));
  return {
    deviceCode: data.device_code,
    userCode: data.user_code,
    verificationUri: data.verification_uri,
    verificationUriComplete: data.verification_uri_complete,
    expiresAt: now + data.expires_in * 1000,
    intervalMs: data.interval * 1000,
  };
}

export async function pollForToken(deviceCode: string): Promise<TokenPoll> {
  const answer = await tvSigningIn
    .POST("/oauth/token", {
      body: { grant_type: DEVICE_CODE_GRANT, device_code: deviceCode, client_id: TV_CLIENT_ID },
      ...formEncoded,
    })
    .catch(() => undefined);
  // Offline for a moment: a TV keeps polling.
  if (!answer) return { kind: "pending" };
  const { data, error } = answer;
  if (data) return { kind: "token", accessToken: data.access_token };
  switch (error?.error) {
    case "authorization_pending":
      return { kind: "pending" };
    case "slow_down":
      return { kind: "slow_down" };
    case "expired_token":
      return { kind: "expired" };
    case "access_denied":
      return { kind: "denied" };
    default:
      return { kind: "failed", message: error?.error_description ?? t("tv.deviceAuthorization.failed") };
  }
}
