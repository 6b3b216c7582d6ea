// The baselines of the cached session verifier, one process each: the example playback service's
// Fastify app and route, answering the same JSON, but
//   MODE=unprotected     without checking the viewer at all (what the route costs by itself);
//   MODE=introspection   asking Usher (POST /oauth/introspect, client_secret_basic) on every
//                        request, through the same plugin and preHandler, as the example did
//                        before the verifier: the verifier's own introspection call, no cache.
// The cached variant is the example itself (examples/playback-service/server.ts).
//
//   MODE=… USHER_URL=… USHER_CLIENT_ID=… USHER_CLIENT_SECRET=… PORT=… node --import tsx bench/support/playback-variants.ts
import Fastify, { type FastifyReply, type FastifyRequest } from "fastify";
import { type Plan, requireSession, type SessionClaims, type SessionVerifier, usherSessions } from "usher/verifier";
import { introspection } from "../../src/verifier/introspection";
import { usherBase } from "../../src/verifier/usher-endpoint";

const {
  MODE,
  USHER_URL = "http://127.0.0.1:3000",
  USHER_CLIENT_ID = "",
  USHER_CLIENT_SECRET = "",
  PORT = "0",
  HOST = "127.0.0.1",
} = process.env;
const LOG_LEVEL = process.env.LOG_LEVEL ?? "warn";
if (MODE !== "unprotected" && MODE !== "introspection") throw new Error(`MODE=${MODE}: expected unprotected or introspection`);

// As in examples/playback-service/server.ts.
const TITLE_ID = /^[a-z0-9-]{1,64}$/;
const MAX_QUALITY: Record<Plan, "720p" | "1080p" | "4K"> = { basic: "720p", standard: "1080p", premium: "4K" };
const logRedactions = ["req.headers.authorization", "req.headers.cookie"];

/** What the unprotected route answers with: the claims of a fresh app session, as Usher gives them. */
const NOBODY: SessionClaims = Object.freeze({
  sub: "0b9e4a52-4c1e-4f57-9d0e-6f7f3b1c2a10",
  sid: "0123456789abcdefghijkl",
  exp: 2_000_000_000,
  iat: 1_700_000_000,
  auth_time: 1_700_000_000,
  aal: 1,
  plan: "standard",
  device: Object.freeze({ kind: "mobile", name: "Bench phone" }),
  profile: null,
});

/** A verifier without a cache: every call is one introspection (what the example did before usher/verifier). */
function askingEveryTime(): SessionVerifier {
  const ask = introspection({
    usher: usherBase(USHER_URL),
    clientId: USHER_CLIENT_ID,
    clientSecret: USHER_CLIENT_SECRET,
    timeoutMs: 2_000,
  });
  return {
    verify: async (token) => {
      const answer = await ask(token);
      return answer.active ? answer.claims : null;
    },
    ready: async () => {},
    status: () => ({ subscribed: false, leaseFresh: false, cached: { live: 0, inactive: 0 }, epoch: null }),
    close: async () => {},
  };
}

async function checkTitleId(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
  const { titleId } = request.params as { titleId: string };
  reply.header("cache-control", "no-store");
  return TITLE_ID.test(titleId) ? undefined : reply.code(400).send({ error: "invalid_title_id" });
}

const app = Fastify({ logger: { level: LOG_LEVEL, redact: logRedactions } });
if (MODE === "introspection") app.register(usherSessions, { verifier: askingEveryTime() });
app.get<{ Params: { titleId: string } }>(
  "/play/:titleId",
  { preHandler: MODE === "introspection" ? [checkTitleId, requireSession] : [checkTitleId] },
  async (request, reply) => {
    reply.header("cache-control", "no-store");
    const { titleId } = request.params;
    const { plan, profile } = MODE === "introspection" ? request.usherSession! : NOBODY;
    // The example's title check is a lookup in a catalogue it keeps in memory: left out of both baselines.
    const maxQuality = MAX_QUALITY[plan];
    return { titleId, profile, plan, maxQuality, manifestUrl: `https://cdn.example.invalid/${titleId}/${maxQuality}/manifest.mpd` };
  },
);

for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void app.close());
await app.listen({ host: HOST, port: Number(PORT) });
const address = app.server.address();
console.log(`Playback variant (${MODE}) listening at http://${HOST}:${typeof address === "object" && address ? address.port : PORT}`);
