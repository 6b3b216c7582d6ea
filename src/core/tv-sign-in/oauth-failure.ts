// Expected failures of the OAuth endpoints are values too, named by RFC 6749 / RFC 8628 codes
// (not the API's catalogue: a standard OAuth client must understand them).
import type { OAuthErrorCode } from "../../contract/schemas/tv-sign-in";
import type { OAuthClient } from "../config";
import type { CoreDeps } from "../deps";

export interface OAuthFailure {
  ok: false;
  error: OAuthErrorCode;
  description: string;
  /** When the failure is a throttle: seconds until the next request is allowed. */
  retryAfterSec?: number;
}

export const oauthFail = (error: OAuthErrorCode, description: string, retryAfterSec?: number): OAuthFailure =>
  retryAfterSec === undefined ? { ok: false, error, description } : { ok: false, error, description, retryAfterSec };

/** The registered client allowed to use `grantType`, or the failure to answer. */
export function deviceGrantClient(
  deps: Pick<CoreDeps, "config">,
  clientId: string | undefined,
  grantType: string,
): { ok: true; client: OAuthClient } | OAuthFailure {
  if (!clientId) return oauthFail("invalid_request", "client_id is required.");
  const client = deps.config.tvSignIn.clients.find((candidate) => candidate.id === clientId);
  if (!client) return oauthFail("invalid_client", "This client is not registered.");
  if (!client.grantTypes.includes(grantType)) {
    return oauthFail("unauthorized_client", "This client may not use the device authorization grant.");
  }
  return { ok: true, client };
}
