// The TV's side of RFC 8628 (OAuth 2.0 Device Authorization Grant), on the wire exactly as a
// TV app speaks it: ask for a code to show, then poll the token endpoint until the viewer has
// approved or denied it on their phone, or the code has expired.

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

async function postForm(path: string, fields: Record<string, string>): Promise<{ status: number; json: Record<string, unknown> | null }> {
  const response = await fetch(path, {
    method: "POST",
    // A TV holds no cookie of Usher's: the simulator must not borrow this browser's sign-in.
    credentials: "omit",
    headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: response.status, json: (await response.json().catch(() => null)) as Record<string, unknown> | null };
}

export async function requestDeviceAuthorization(now = Date.now()): Promise<DeviceAuthorization> {
  const { status, json } = await postForm("/oauth/device_authorization", { client_id: TV_CLIENT_ID, device_name: TV_DEVICE_NAME });
  if (status !== 200 || !json || typeof json.device_code !== "string" || typeof json.user_code !== "string") {
    throw new Error(typeof json?.error_description === "string" ? json.error_description : "Usher didn't give this TV a code.");
  }
  return {
    deviceCode: json.device_code,
    userCode: json.user_code,
    verificationUri: String(json.verification_uri),
    verificationUriComplete: String(json.verification_uri_complete ?? json.verification_uri),
    expiresAt: now + Number(json.expires_in ?? 900) * 1000,
    intervalMs: Number(json.interval ?? 5) * 1000,
  };
}

export async function pollForToken(deviceCode: string): Promise<TokenPoll> {
  let answer: Awaited<ReturnType<typeof postForm>>;
  try {
    answer = await postForm("/oauth/token", { grant_type: DEVICE_CODE_GRANT, device_code: deviceCode, client_id: TV_CLIENT_ID });
  } catch {
    // Offline for a moment: a TV keeps polling.
    return { kind: "pending" };
  }
  const { status, json } = answer;
  if (status === 200 && typeof json?.access_token === "string") return { kind: "token", accessToken: json.access_token };
  switch (json?.error) {
    case "authorization_pending":
      return { kind: "pending" };
    case "slow_down":
      return { kind: "slow_down" };
    case "expired_token":
      return { kind: "expired" };
    case "access_denied":
      return { kind: "denied" };
    default:
      return { kind: "failed", message: typeof json?.error_description === "string" ? json.error_description : "Sign-in stopped working." };
  }
}
