// usher/verifier: what a platform service imports to know who is watching. A cached session
// verifier kept in step with Usher (verifier.ts), its use from Fastify (fastify.ts) and from
// node:http or Express (http.ts), and what a profile may watch (may-watch.ts). Compiled on its
// own (tsconfig.build.json) into dist/verifier, the package's "./verifier" export.
export { type MaturityRating, maturityRatings, type Plan, type ProfileClaim, type SessionClaims } from "./claims.js";
export { requireSession, type UsherSessionsOptions, usherSessions } from "./fastify.js";
export { type RequestWithSession, requireSessionMiddleware, sessionFromRequest } from "./http.js";
export { UsherUnavailableError } from "./introspection.js";
export { mayWatch, type RatedTitle } from "./may-watch.js";
export {
  createSessionVerifier,
  type SessionVerifier,
  type SessionVerifierOptions,
  type VerifierLogger,
  type VerifierStatus,
} from "./verifier.js";
export { SESSION_COOKIE, type SessionVerdict, viewerToken } from "./viewer-token.js";
