// A playback API as a platform team would write one beside Usher: it hands a viewer a title's
// manifest at the quality their plan allows, and holds mature titles back from a Kids profile.
// Every request asks Usher whether the viewer's token is a live session (token introspection),
// so a device signed out anywhere is refused on its very next request. See README.md:
//
//   USHER_CLIENT_ID=playback USHER_CLIENT_SECRET=… npx tsx examples/playback-service/server.ts
import type { IncomingHttpHeaders } from "node:http";
import { pathToFileURL } from "node:url";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyServerOptions } from "fastify";
import { type Plan, usherIntrospection } from "./introspect";

export interface PlaybackServiceOptions {
  usherUrl: string;
  /** The service client Usher knows this service by, and its secret. */
  clientId: string;
  clientSecret: string;
  /** How long a request waits for Usher before the viewer gets a 503 (default 2 s). */
  usherTimeoutMs?: number;
  logger?: FastifyServerOptions["logger"];
}

/** The cookie Usher signs a browser in with: a service behind the site's gateway receives it too. */
const SESSION_COOKIE = "__Host-usher_session";
const TITLE_ID = /^[a-z0-9-]{1,64}$/;
const MAX_QUALITY: Record<Plan, "720p" | "1080p" | "4K"> = { basic: "720p", standard: "1080p", premium: "4K" };

/** Fastify logs no headers by default; should anyone add them, the credentials still stay out. */
const logRedactions = ["req.headers.authorization", "req.headers.cookie"];

export function buildPlaybackService(options: PlaybackServiceOptions): FastifyInstance {
  const app = Fastify({ logger: options.logger ?? { level: "info", redact: logRedactions } });
  const introspect = usherIntrospection({
    usherUrl: options.usherUrl,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    timeoutMs: options.usherTimeoutMs ?? 2_000,
  });

  app.get<{ Params: { titleId: string } }>("/play/:titleId", async (request, reply) => {
    // An answer about one viewer is never for a shared cache.
    reply.header("cache-control", "no-store");
    const { titleId } = request.params;
    // Checked before asking Usher: it also keeps the id safe to put in the manifest's address.
    if (!TITLE_ID.test(titleId)) return reply.code(400).send({ error: "invalid_title_id" });

    const token = viewerToken(request.headers);
    if (!token) return notSignedIn(reply, "Bearer");
    const verdict = await introspect(token);
    if (verdict.status === "unavailable") {
      // Usher's answer is what went wrong, so that is what is logged; the token never is.
      request.log.error({ reason: verdict.reason }, "could not ask Usher about the viewer's session");
      if (verdict.retryAfter) reply.header("retry-after", verdict.retryAfter);
      return reply.code(503).send({ error: "usher_unavailable" });
    }
    if (verdict.status === "inactive") return notSignedIn(reply, 'Bearer error="invalid_token"');

    const { plan, profile } = verdict.viewer;
    // No profile chosen yet means the account holder's own view, which is not a Kids one.
    if (profile?.kids && titleId.startsWith("mature-")) return reply.code(403).send({ error: "not_for_kids" });
    const maxQuality = MAX_QUALITY[plan];
    return { titleId, profile, plan, maxQuality, manifestUrl: `https://cdn.example.invalid/${titleId}/${maxQuality}/manifest.mpd` };
  });

  return app;
}

/** An app's bearer token (RFC 6750), else the browser's session cookie. */
function viewerToken(headers: IncomingHttpHeaders): string | null {
  const [scheme, credentials, extra] = headers.authorization?.trim().split(/\s+/) ?? [];
  if (scheme?.toLowerCase() === "bearer" && credentials && extra === undefined) return credentials;
  for (const pair of headers.cookie?.split(";") ?? []) {
    const equals = pair.indexOf("=");
    if (equals > 0 && pair.slice(0, equals).trim() === SESSION_COOKIE) return pair.slice(equals + 1).trim() || null;
  }
  return null;
}

function notSignedIn(reply: FastifyReply, challenge: string): FastifyReply {
  return reply.code(401).header("www-authenticate", challenge).send({ error: "not_signed_in" });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { USHER_URL = "http://localhost:3000", USHER_CLIENT_ID, USHER_CLIENT_SECRET, PORT = "4000", HOST = "127.0.0.1" } = process.env;
  if (!USHER_CLIENT_ID || !USHER_CLIENT_SECRET) {
    console.error("Set USHER_CLIENT_ID and USHER_CLIENT_SECRET: the service client Usher knows this service by (see README.md).");
    process.exit(2);
  }
  const port = Number(PORT);
  if (!URL.canParse(USHER_URL) || !Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error("USHER_URL must be a URL, and PORT a port number.");
    process.exit(2);
  }
  const app = buildPlaybackService({ usherUrl: USHER_URL, clientId: USHER_CLIENT_ID, clientSecret: USHER_CLIENT_SECRET });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void app.close());
  await app.listen({ host: HOST, port });
  const address = app.server.address();
  const listening = typeof address === "object" && address ? address.port : port;
  console.log(`Playback service listening at http://${HOST.includes(":") ? `[${HOST}]` : HOST}:${listening}`);
}
