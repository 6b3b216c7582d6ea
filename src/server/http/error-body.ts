// The body of every error answer: the catalogue's code, and its message in the language the
// request asks for.
import type { FastifyRequest } from "fastify";
import Negotiator from "negotiator";
import type { ErrorBody, ErrorCode } from "../../contract/errors";
import { defaultLanguage, type Language, languages } from "../../contract/languages";
import { translate } from "../../core/i18n/translations";

/** The language of the request's Accept-Language that Usher speaks, best first ("es-MX" is Spanish), else English. */
export function requestLanguage(request: Pick<FastifyRequest, "headers">): Language {
  if (!request.headers["accept-language"]) return defaultLanguage;
  return (new Negotiator(request).language([...languages]) as Language | undefined) ?? defaultLanguage;
}

export function errorBody(
  request: Pick<FastifyRequest, "headers">,
  code: ErrorCode,
  issues?: ErrorBody["error"]["issues"],
  reason?: string,
): ErrorBody {
  const message = translate(requestLanguage(request), code);
  return { error: { code, message, ...(issues ? { issues } : {}), ...(reason ? { reason } : {}) } };
}
