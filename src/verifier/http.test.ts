// sessionFromRequest and the Express-style middleware on a real node:http server, over a stub
// verifier (the verifier itself is tested in verifier.test.ts).
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionClaims } from "./claims.js";
import { type RequestWithSession, requireSessionMiddleware, sessionFromRequest } from "./http.js";
import { UsherUnavailableError } from "./introspection.js";
import type { SessionVerifier } from "./verifier.js";

const JO = { sub: "acc-jo", sid: "sid-jo", plan: "basic" } as SessionClaims;

const stubVerifier: SessionVerifier = {
  async verify(token) {
    if (token === "jo-token") return JO;
    if (token === "down") throw new UsherUnavailableError("Usher answered 429", { retryAfter: "3" });
    return null;
  },
  ready: async () => {},
  status: () => ({ subscribed: false, leaseFresh: false, cached: { live: 0, inactive: 0 }, epoch: null }),
  close: async () => {},
};

let server: Server;
let url: string;

beforeAll(async () => {
  const middleware = requireSessionMiddleware(stubVerifier);
  server = createServer((req: RequestWithSession, res) => {
    if (req.url === "/verdict") {
      void sessionFromRequest(stubVerifier, req).then((verdict) => res.end(JSON.stringify(verdict)));
      return;
    }
    middleware(req, res, (error) => {
      if (error) return void res.writeHead(500).end();
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ sub: req.usherSession?.sub }));
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${url}${path}`, { headers });

describe("sessionFromRequest", () => {
  it("tells active, signed out (with the challenge to send) and unavailable apart", async () => {
    expect(await (await get("/verdict", { authorization: "bearer jo-token" })).json()).toEqual({ status: "active", claims: JO });
    expect(await (await get("/verdict")).json()).toEqual({ status: "signed_out", challenge: "Bearer" });
    expect(await (await get("/verdict", { cookie: "__Host-usher_session=gone" })).json()).toEqual({
      status: "signed_out",
      challenge: 'Bearer error="invalid_token"',
    });
    expect(await (await get("/verdict", { authorization: "Bearer down" })).json()).toEqual({
      status: "unavailable",
      reason: "Usher answered 429",
      retryAfter: "3",
    });
  });
});

describe("requireSessionMiddleware", () => {
  it("lets a live session through with req.usherSession set", async () => {
    const response = await get("/play", { authorization: "Bearer jo-token" });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ sub: "acc-jo" });
  });

  it("answers 401 itself when there is no token or it is signed out", async () => {
    const none = await get("/play");
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toBe("Bearer");
    expect(none.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await none.json()).toEqual({ error: "not_signed_in" });
    const gone = await get("/play", { authorization: "Bearer gone" });
    expect(gone.status).toBe(401);
    expect(gone.headers.get("www-authenticate")).toBe('Bearer error="invalid_token"');
  });

  it("answers 503 itself when Usher gives no answer, with its Retry-After", async () => {
    const response = await get("/play", { authorization: "Bearer down" });
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("3");
    expect(await response.json()).toEqual({ error: "usher_unavailable" });
  });
});
