// Turns a domain failure into the HTTP answer the catalogue names for it.
import type { FastifyReply } from "fastify";
import { type ErrorCode, errorCatalogue } from "../../contract/errors";
import type { Failure } from "../../core/result";
import { errorBody } from "./error-body";

export function replyFailure(reply: FastifyReply, failure: Failure<ErrorCode>): FastifyReply {
  if (failure.retryAfterSec !== undefined) reply.header("retry-after", String(failure.retryAfterSec));
  return reply
    .code(errorCatalogue[failure.code].status)
    .type("application/json")
    .send(errorBody(reply.request, failure.code, undefined, failure.reason));
}
