// A playback API as a platform team would write one beside Usher: it hands a viewer a title's
// manifest at the quality their plan allows, holds back what the profile's parental controls keep
// out (title-access.ts), and starts, keeps and stops the viewer's stream with Usher on their
// behalf, so the plan's screen limit holds and a sign-out anywhere stops the playing.
// Who is asking is answered by Usher's session verifier (usher/verifier): from a cache kept in
// step with Usher, so a request costs a map lookup, and a device signed out anywhere is still
// refused on its very next request. See README.md:
//
//   USHER_CLIENT_ID=playback USHER_CLIENT_SECRET=… npx tsx examples/playback-service/server.ts
import { pathToFileURL } from "node:url";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from "fastify";
import { createSessionVerifier, type Plan, requireSession, type SessionVerifier, usherSessions, viewerToken } from "usher/verifier";
import { usherCatalogue } from "./catalogue";
import { titleAccess } from "./title-access";
import { type Relayed, usherStreams } from "./usher-streams";

export interface PlaybackServiceOptions {
  usherUrl: string;
  /** The service client Usher knows this service by, and its secret. */
  clientId: string;
  clientSecret: string;
  /** How long a request waits for Usher before the viewer gets a 503 (default 2 s). */
  usherTimeoutMs?: number;
  logger?: FastifyServerOptions["logger"];
}

const TITLE_ID = /^[a-z0-9-]{1,64}$/;
const MAX_QUALITY: Record<Plan, "720p" | "1080p" | "4K"> = { basic: "720p", standard: "1080p", premium: "4K" };

/** Fastify logs no headers by default; should anyone add them, the credentials still stay out. */
const logRedactions = ["req.headers.authorization", "req.headers.cookie", "req.headers['usher-viewer-token']"];

export function buildPlaybackService(options: PlaybackServiceOptions): FastifyInstance {
  const app = Fastify({ logger: options.logger ?? { level: "info", redact: logRedactions } });
  const verifier: SessionVerifier = createSessionVerifier({
    url: options.usherUrl,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    timeoutMs: options.usherTimeoutMs ?? 2_000,
    logger: { warn: (message, details) => app.log.warn(details ?? {}, message) },
  });
  app.register(usherSessions, { verifier });
  app.addHook("onClose", () => verifier.close());
  const catalogue = usherCatalogue({
    usherUrl: options.usherUrl,
    timeoutMs: options.usherTimeoutMs ?? 2_000,
    onFailure: (reason) => app.log.error({ reason }, "could not fetch Usher's catalogue"),
  });

  app.get<{ Params: { titleId: string } }>(
    "/play/:titleId",
    // The title is checked before the viewer: it also keeps the id safe to put in the manifest's address.
    { preHandler: [checkTitleId, requireSession] },
    async (request, reply) => {
      // An answer about one viewer is never for a shared cache.
      reply.header("cache-control", "no-store");
      const { titleId } = request.params;
      const claims = request.usherSession!;
      const access = await titleAccess(catalogue, claims, titleId);
      if (!access.ok) return reply.code(access.statusCode).send(access.body);
      const { plan, profile } = claims;
      const maxQuality = MAX_QUALITY[plan];
      return { titleId, profile, plan, maxQuality, manifestUrl: `https://cdn.example.invalid/${titleId}/${maxQuality}/manifest.mpd` };
    },
  );

  // The player's stream, kept with Usher on the viewer's behalf. The verifier answers first, from
  // its cache: a signed-out viewer is refused here without a call to Usher.
  const streams = usherStreams({
    usherUrl: options.usherUrl,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    timeoutMs: options.usherTimeoutMs ?? 2_000,
  });
  const relay = (reply: FastifyReply, relayed: Relayed) =>
    reply
      .code(relayed.statusCode)
      .header("cache-control", "no-store")
      .send(relayed.body ?? undefined);
  const tokenOf = (request: FastifyRequest) => viewerToken(request.headers)!;

  app.post<{ Body: { titleId?: unknown } }>("/streams", { preHandler: requireSession }, async (request, reply) => {
    const titleId = request.body?.titleId;
    if (typeof titleId !== "string" || !TITLE_ID.test(titleId)) return reply.code(400).send({ error: "invalid_title_id" });
    // Refused here first, so a title the profile may not watch never reaches Usher (which refuses it too).
    const access = await titleAccess(catalogue, request.usherSession!, titleId);
    if (!access.ok) return relay(reply, access);
    return relay(reply, await streams.start(tokenOf(request), titleId));
  });

  app.post<{ Params: { streamId: string } }>("/streams/:streamId/heartbeat", { preHandler: requireSession }, async (request, reply) =>
    relay(reply, await streams.heartbeat(tokenOf(request), request.params.streamId)),
  );

  app.delete<{ Params: { streamId: string } }>("/streams/:streamId", { preHandler: requireSession }, async (request, reply) =>
    relay(reply, await streams.stop(tokenOf(request), request.params.streamId)),
  );

  // For the platform's probes and dashboards: whether the verifier is in step with Usher.
  app.get("/healthz", async () => verifier.status());

  return app;
}

async function checkTitleId(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
  const { titleId } = request.params as { titleId: string };
  reply.header("cache-control", "no-store");
  return TITLE_ID.test(titleId) ? undefined : reply.code(400).send({ error: "invalid_title_id" });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const {
    USHER_URL = "http://localhost:3000",
    USHER_CLIENT_ID,
    USHER_CLIENT_SECRET,
    PORT = "4000",
    HOST = "127.0.0.1",
    LOG_LEVEL = "info",
  } = process.env;
  if (!USHER_CLIENT_ID || !USHER_CLIENT_SECRET) {
    console.error("Set USHER_CLIENT_ID and USHER_CLIENT_SECRET: the service client Usher knows this service by (see README.md).");
    process.exit(2);
  }
  const port = Number(PORT);
  if (!URL.canParse(USHER_URL) || !Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error("USHER_URL must be a URL, and PORT a port number.");
    process.exit(2);
  }
  const app = buildPlaybackService({
    usherUrl: USHER_URL,
    clientId: USHER_CLIENT_ID,
    clientSecret: USHER_CLIENT_SECRET,
    logger: { level: LOG_LEVEL, redact: logRedactions },
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void app.close());
  await app.listen({ host: HOST, port });
  const address = app.server.address();
  const listening = typeof address === "object" && address ? address.port : port;
  console.log(`Playback service listening at http://${HOST.includes(":") ? `[${HOST}]` : HOST}:${listening}`);
}
