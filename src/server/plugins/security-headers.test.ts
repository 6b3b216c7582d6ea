// The security headers are pinned here, header by header: a change that drops one from a JSON
// answer or a page must change this test too, and say why.
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { securityHeaders } from "./security-headers";

const HSTS = "max-age=31536000; includeSubDomains";

/** What every JSON API answer carries, and nothing more of the security headers. */
const JSON_HEADERS = {
  "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "cache-control": "no-store",
};

const PAGE_CSP =
  "default-src 'self';script-src 'self';style-src 'self';img-src 'self' data:;font-src 'self';connect-src 'self';" +
  "object-src 'none';base-uri 'none';form-action 'self';frame-ancestors 'none'";

/** What every page carries. */
const PAGE_HEADERS = {
  "content-security-policy": PAGE_CSP,
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
  "origin-agent-cluster": "?1",
  "referrer-policy": "no-referrer",
  "x-content-type-options": "nosniff",
  "x-dns-prefetch-control": "off",
  "x-download-options": "noopen",
  "x-frame-options": "DENY",
  "x-permitted-cross-domain-policies": "none",
  "x-xss-protection": "0",
  "cache-control": "no-store",
};

const SECURITY_HEADERS = new Set([...Object.keys(PAGE_HEADERS), "strict-transport-security"]);

/** The security headers of an answer (not content-type, length, date and the like). */
function securityHeadersOf(headers: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => SECURITY_HEADERS.has(name)));
}

async function appWith(production: boolean): Promise<FastifyInstance> {
  const app = Fastify();
  await app.register(securityHeaders, { production });
  app.get("/api/v1/me", async () => ({ ok: true }));
  app.get("/oauth/token", async () => ({ ok: true }));
  app.get("/healthz", async () => ({ ok: true }));
  app.get("/account", async (_request, reply) => reply.type("text/html").send("<!doctype html>"));
  app.get("/assets/app.js", async (_request, reply) => reply.header("cache-control", "public, max-age=31536000, immutable").send(""));
  return app;
}

describe.each([
  ["development", false, {}],
  ["production", true, { "strict-transport-security": HSTS }],
])("security headers in %s", (_mode, production, hsts) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await appWith(production);
  });
  afterAll(() => app.close());

  it.each(["/api/v1/me", "/oauth/token", "/healthz"])("a JSON API answer (%s) carries exactly the JSON set", async (url) => {
    const answer = await app.inject({ method: "GET", url });
    expect(securityHeadersOf(answer.headers)).toEqual({ ...JSON_HEADERS, ...hsts });
  });

  it("a page carries the full set", async () => {
    const answer = await app.inject({ method: "GET", url: "/account" });
    expect(securityHeadersOf(answer.headers)).toEqual({ ...PAGE_HEADERS, ...hsts });
  });

  it("an address no route takes may be a page: it gets the full set", async () => {
    const answer = await app.inject({ method: "GET", url: "/api/v1/no-such-thing" });
    expect(answer.statusCode).toBe(404);
    expect(securityHeadersOf(answer.headers)).toEqual({ ...PAGE_HEADERS, ...hsts });
  });

  it("lets an answer that may be cached say so", async () => {
    const answer = await app.inject({ method: "GET", url: "/assets/app.js" });
    expect(answer.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
  });
});
