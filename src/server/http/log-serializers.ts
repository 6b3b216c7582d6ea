// What a request looks like in the log. Fastify logs every request's URL, and some URLs
// carry a code: the TV sign-in code in /api/v1/tv/codes/<code> and in the /tv?code=… link
// a TV shows as a QR code. Codes never reach the log, so they are masked here, for every
// route (and for addresses no route takes).
import type { FastifyRequest, FastifyServerOptions } from "fastify";

export function maskCodesInUrl(url: string): string {
  return url.replace(/(\/tv\/codes\/)[^/?#]*/i, "$1[code]").replace(/([?&]code=)[^&#]*/gi, "$1[code]");
}

/** Fastify's own request serializer (same fields), with codes masked. */
function serializeRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: maskCodesInUrl(request.url),
    version: request.headers?.["accept-version"],
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket ? request.socket.remotePort : undefined,
  };
}

export function withMaskedCodes(logger: FastifyServerOptions["logger"]): FastifyServerOptions["logger"] {
  if (!logger) return logger;
  const options =
    logger === true ? {} : (logger as Exclude<FastifyServerOptions["logger"], boolean | undefined> & { serializers?: object });
  return { ...options, serializers: { ...options.serializers, req: serializeRequest } } as FastifyServerOptions["logger"];
}
