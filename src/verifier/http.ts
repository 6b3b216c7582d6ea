// The verifier for services on plain node:http or Express: the verdict on a request's session,
// and a middleware that lets only live sessions through and answers everyone else itself.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { SessionClaims } from "./claims.js";
import type { SessionVerifier } from "./verifier.js";
import { refusal, type SessionVerdict, sessionFromHeaders } from "./viewer-token.js";

/** A request the middleware let through carries its session's claims. */
export type RequestWithSession = IncomingMessage & { usherSession?: SessionClaims | null };

/** The verdict on the session a request carries: its claims, signed out (with the challenge to send), or Usher unavailable. */
export function sessionFromRequest(verifier: SessionVerifier, req: IncomingMessage): Promise<SessionVerdict> {
  return sessionFromHeaders(verifier, req.headers);
}

/**
 * Express-style middleware: a live session sets `req.usherSession` and goes on; anything else
 * is answered here, 401 {"error":"not_signed_in"} or 503 {"error":"usher_unavailable"}.
 */
export function requireSessionMiddleware(
  verifier: SessionVerifier,
): (req: RequestWithSession, res: ServerResponse, next: (error?: unknown) => void) => void {
  return (req, res, next) => {
    sessionFromRequest(verifier, req).then((verdict) => {
      if (verdict.status === "active") {
        req.usherSession = verdict.claims;
        return next();
      }
      const answer = refusal(verdict);
      res.writeHead(answer.statusCode, { ...answer.headers, "content-type": "application/json; charset=utf-8" });
      res.end(JSON.stringify(answer.body));
    }, next);
  };
}
