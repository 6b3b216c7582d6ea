// One place where every error becomes an answer from the catalogue. Bad input of any shape
// is a 4xx with a code and a message; anything else is a bare 500 whose log line carries no
// request data (see core/loggable-error.ts).
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { type ErrorCode, errorCatalogue } from "../../contract/errors";
import { AccountLockedError } from "../../core/accounts/account-locked";
import { loggableError } from "../../core/loggable-error";
import { errorBody, requestLanguage } from "../http/error-body";
import { issueMessage } from "../http/issue-message";
import { REQUEST_ID_HEADER } from "../http/request-id";

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: "MALFORMED_JSON",
  FST_ERR_CTP_EMPTY_JSON_BODY: "EMPTY_BODY",
  FST_ERR_CTP_BODY_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "UNSUPPORTED_MEDIA_TYPE",
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: "BAD_REQUEST",
  FST_ERR_CTP_INVALID_TYPE: "UNSUPPORTED_MEDIA_TYPE",
  FST_ERR_NOT_FOUND: "NOT_FOUND",
};

export function registerErrorMapper(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      if (error.validationContext === "body" && request.body === undefined) return send(reply, "EMPTY_BODY");
      const language = requestLanguage(request);
      const issues = error.validation.map((issue) => ({
        path: `${error.validationContext ?? ""}${issue.instancePath}`.replace(/\//g, ".").replace(/\.$/, ""),
        message: issueMessage(issue, language),
      }));
      return send(reply, "VALIDATION_FAILED", issues);
    }
    const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (mapped) return send(reply, mapped);
    if (error instanceof SyntaxError) return send(reply, "MALFORMED_JSON");
    if (error instanceof AccountLockedError) return send(reply, "ACCOUNT_LOCKED");
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) return send(reply, status === 404 ? "NOT_FOUND" : "BAD_REQUEST");

    request.log.error({ failure: loggableError(error) }, "request failed");
    return send(reply, "INTERNAL_ERROR");
  });
}

/** What the web app answers for a page address no route took (index.html), or undefined. */
export type PageFallback = (request: FastifyRequest, reply: FastifyReply) => FastifyReply | undefined;

/** Unknown addresses: a page of the web app when one asks for it, else the JSON 404. */
export function registerNotFound(app: FastifyInstance, pages?: PageFallback): void {
  app.setNotFoundHandler((request, reply) => pages?.(request, reply) ?? send(reply, "NOT_FOUND"));
}

/**
 * Fastify answers a badly encoded URL or an over-long path parameter before routing, past
 * the error handler, with a body of its own that echoes the path and lacks our headers.
 * Given as Fastify's `frameworkErrors` option, this answers them from the catalogue instead.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const badInput = error.code === "FST_ERR_BAD_URL" || error.code === "FST_ERR_MAX_PARAM_LENGTH";
  // No route ran, so neither did the security-headers and request-id hooks: the essentials are set here.
  reply.header(REQUEST_ID_HEADER, request.id);
  reply.header("content-security-policy", "default-src 'none'; frame-ancestors 'none'");
  reply.header("x-content-type-options", "nosniff");
  reply.header("x-frame-options", "DENY");
  reply.header("cache-control", "no-store");
  return send(reply, badInput ? "BAD_REQUEST" : "INTERNAL_ERROR");
}

function send(reply: FastifyReply, code: ErrorCode, issues?: { path: string; message: string }[]) {
  return reply
    .code(errorCatalogue[code].status)
    .type("application/json")
    .send(errorBody(reply.request, code, issues));
}
