// Request ids: what an operator follows from a load balancer's log to ours and to the audit
// rows a request wrote. A caller's X-Request-Id is kept when it is a short plain token, so
// ids stay one across hops; anything else (missing, too long, odd characters, sent twice) is
// replaced by a UUID of our own and never repeated, in the log or in the answer.
import { randomUUID } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import type { FastifyReply, FastifyRequest } from "fastify";

export const REQUEST_ID_HEADER = "x-request-id";

const ACCEPTED_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** The caller's id when it is acceptable, else a new UUID. Given as Fastify's `genReqId`. */
export function requestIdOf(request: { headers: IncomingHttpHeaders }): string {
  // Node joins a repeated header with ", " (or, injected, it may be an array): neither is accepted.
  const given = request.headers[REQUEST_ID_HEADER];
  return typeof given === "string" && ACCEPTED_ID.test(given) ? given : randomUUID();
}

/** Says the request's id on its answer; an onRequest hook, so that every answer carries it. */
export function answerWithRequestId(request: FastifyRequest, reply: FastifyReply, done: () => void): void {
  reply.header(REQUEST_ID_HEADER, request.id);
  done();
}
