// How the OAuth endpoints answer: never cached, errors in OAuth's own body shape (RFC 6749
// §5.2), and requests only as form posts.
import type { FastifyReply } from "fastify";
import type { OAuthErrorCode } from "../../contract/schemas/tv-sign-in";
import { type OAuthFailure, oauthFail } from "../../core/tv-sign-in/oauth-failure";

export const FORM = "application/x-www-form-urlencoded";

/** Token answers must never be cached (RFC 6749 §5.1, RFC 7662 §2.2). */
export function noStore(reply: FastifyReply): void {
  reply.header("cache-control", "no-store").header("pragma", "no-cache");
}

const STATUS: Partial<Record<OAuthErrorCode, number>> = { invalid_client: 401, server_error: 500 };

export function sendOAuthError(reply: FastifyReply, failure: OAuthFailure): FastifyReply {
  noStore(reply);
  let status = STATUS[failure.error] ?? 400;
  if (failure.retryAfterSec !== undefined) {
    status = 429;
    reply.header("retry-after", String(failure.retryAfterSec));
  }
  return reply.code(status).type("application/json").send({ error: failure.error, error_description: failure.description });
}

/** OAuth requests are form posts; anything else, or a body of the wrong shape, is invalid_request. */
export function refuseMalformed(contentType: string | undefined, validationError: Error | undefined): OAuthFailure | null {
  if (!contentType?.toLowerCase().startsWith(FORM)) {
    return oauthFail("invalid_request", `Send the parameters as ${FORM}.`);
  }
  if (validationError) return oauthFail("invalid_request", "A parameter is missing or too long.");
  return null;
}
