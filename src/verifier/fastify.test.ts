// The Fastify plugin over a stub verifier (the verifier itself is tested in verifier.test.ts):
// what a route behind requireSession sees, and what everyone else is answered.
import Fastify, { type FastifyInstance } from "fastify";
import { afterEach, describe, expect, it } from "vitest";
import type { SessionClaims } from "./claims.js";
import { requireSession, usherSessions } from "./fastify.js";
import { UsherUnavailableError } from "./introspection.js";
import type { SessionVerifier } from "./verifier.js";

const JO: SessionClaims = {
  sub: "acc-jo",
  sid: "sid-jo",
  exp: 2_000_000_000,
  iat: 1_700_000_000,
  auth_time: 1_700_000_000,
  aal: 1,
  plan: "premium",
  device: { kind: "tv", name: "Living room" },
  profile: { id: "prof_1", name: "Jo", kids: false, max_rating: "18+", restricted_titles: [] },
};

/** Jo's token is live, "gone" is signed out, "down" gets no answer from Usher. */
const stubVerifier: SessionVerifier = {
  async verify(token) {
    if (token === "jo-token") return JO;
    if (token === "down") throw new UsherUnavailableError("Usher answered 503", { retryAfter: "5" });
    if (token === "broken") throw new Error("a bug");
    return null;
  },
  ready: async () => {},
  status: () => ({ subscribed: true, leaseFresh: true, cached: { live: 0, inactive: 0 }, epoch: "e1" }),
  close: async () => {},
};

let app: FastifyInstance;
afterEach(() => app?.close());

async function build(): Promise<FastifyInstance> {
  app = Fastify();
  await app.register(usherSessions, { verifier: stubVerifier });
  app.get<{ Params: { titleId: string } }>("/play/:titleId", { preHandler: requireSession }, async (request) => ({
    titleId: request.params.titleId,
    session: request.usherSession,
  }));
  // Registered in a child context: the plugin's decorations reach it (skip-override).
  await app.register(async (child) => {
    child.get("/child", { preHandler: requireSession }, async (request) => ({ sub: request.usherSession?.sub }));
  });
  app.get("/public", async (request) => ({ session: request.usherSession }));
  return app;
}

describe("usherSessions and requireSession", () => {
  it("lets a live session through with its claims, from a bearer token or the session cookie", async () => {
    await build();
    const bearer = await app.inject({ url: "/play/night-train", headers: { authorization: "Bearer jo-token" } });
    expect(bearer.statusCode).toBe(200);
    expect(bearer.json()).toEqual({ titleId: "night-train", session: JO });
    const cookie = await app.inject({ url: "/child", headers: { cookie: "theme=dark; __Host-usher_session=jo-token" } });
    expect(cookie.json()).toEqual({ sub: "acc-jo" });
  });

  it("answers 401 with a bare Bearer challenge when there is no token", async () => {
    await build();
    const response = await app.inject({ url: "/play/night-train", headers: { authorization: "Basic abc" } });
    expect(response.statusCode).toBe(401);
    expect(response.headers["www-authenticate"]).toBe("Bearer");
    expect(response.json()).toEqual({ error: "not_signed_in" });
  });

  it("answers 401 invalid_token when the session is signed out", async () => {
    await build();
    const response = await app.inject({ url: "/play/night-train", headers: { authorization: "Bearer gone" } });
    expect(response.statusCode).toBe(401);
    expect(response.headers["www-authenticate"]).toBe('Bearer error="invalid_token"');
    expect(response.headers["cache-control"]).toBe("no-store");
    expect(response.json()).toEqual({ error: "not_signed_in" });
  });

  it("answers 503, never 401, when Usher gives no answer, passing on its Retry-After", async () => {
    await build();
    const down = await app.inject({ url: "/play/night-train", headers: { authorization: "Bearer down" } });
    expect(down.statusCode).toBe(503);
    expect(down.headers["retry-after"]).toBe("5");
    expect(down.json()).toEqual({ error: "usher_unavailable" });
    const broken = await app.inject({ url: "/play/night-train", headers: { authorization: "Bearer broken" } });
    expect(broken.statusCode).toBe(503);
    expect(broken.headers["retry-after"]).toBeUndefined();
  });

  it("leaves usherSession null on routes without requireSession", async () => {
    await build();
    const response = await app.inject({ url: "/public", headers: { authorization: "Bearer jo-token" } });
    expect(response.json()).toEqual({ session: null });
  });

  it("refuses to run without the plugin", async () => {
    app = Fastify();
    app.get("/play", { preHandler: requireSession }, async () => ({}));
    expect((await app.inject({ url: "/play", headers: { authorization: "Bearer jo-token" } })).statusCode).toBe(500);
  });
});
