// Turns a domain failure into the HTTP answer the catalogue names for it.
import type { FastifyReply } from "fastify";
import { type ErrorCode, errorBody, errorCatalogue } from "../../contract/errors";
import type { Failure } from "../../core/result";

export function replyFailure(reply: FastifyReply, failure: Failure<ErrorCode>): FastifyReply {
  if (failure.retryAfterSec !== undefined) reply.header("retry-after", String(failure.retryAfterSec));
  return reply
    .code(errorCatalogue[failure.code].status)
    .type("application/json")
    .send(errorBody(failure.code, undefined, failure.reason));
}
