// A privilege change (re-authentication, a second factor) replaces this device's token: a
// browser gets it as its new cookie, an app in the answer's `token`.
import type { FastifyReply, FastifyRequest } from "fastify";
import type { IssuedSession } from "../../core/sessions/issue-session";
import { setSessionCookie } from "./cookies";

export function handOverReplacement(request: FastifyRequest, reply: FastifyReply, replacement: IssuedSession): { token?: string } {
  if (request.sessionCarrier === "cookie") {
    setSessionCookie(reply, replacement.token, replacement.session.expiresAt);
    return {};
  }
  return { token: replacement.token };
}
