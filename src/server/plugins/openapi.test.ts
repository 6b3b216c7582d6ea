// The OpenAPI document: valid OpenAPI 3.1, generated from the contract, covering every
// /api/v1 route and TV sign-in's OAuth endpoints; and the docs page, served locally.
import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_ORIGIN, buildTestApp, type TestApp } from "../../../test/helper";
import { apiRoutes as listApiRoutes } from "../../../test/support/api-routes";
import { pageSecurityHeaders } from "./security-headers";

let t: TestApp;
let doc: {
  openapi: string;
  paths: Record<string, Record<string, { security?: unknown[]; responses: Record<string, unknown>; requestBody?: unknown }>>;
  components: { schemas: Record<string, unknown> };
};

beforeAll(async () => {
  t = await buildTestApp();
  const response = await t.app.inject({ method: "GET", url: "/api/openapi.json" });
  expect(response.statusCode).toBe(200);
  doc = response.json();
});

afterAll(async () => {
  await t?.close();
});

const apiRoutes = () => listApiRoutes(t.app, { withHeadRoutes: false });

describe("GET /api/openapi.json", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const result = await new Validator().validate(doc as unknown as Record<string, unknown>);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(doc.openapi).toBe("3.1.0");
  });

  it("describes every /api/v1 route", () => {
    const routes = apiRoutes();
    expect(routes.length).toBeGreaterThan(20);
    const documented = Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    for (const route of routes) expect(documented).toContain(route);
  });

  it("gives every /api/v1 operation the catalogue's error body, and security exactly where the server asks for a session", async () => {
    const asked: string[] = [];
    const misdocumented: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths).filter(([path]) => path.startsWith("/api/v1/"))) {
      for (const [method, operation] of Object.entries(operations)) {
        expect(JSON.stringify(operation.responses["4XX"])).toContain("#/components/schemas/Error");
        // Sent with no token and no cookie: a protected operation refuses before reading anything else.
        const url = path.replace(/\{userCode\}/, "BCDFGHJK").replace(/\{id\}/, "00000000-0000-4000-8000-000000000000");
        const answer = await t.app.inject({ method: method.toUpperCase() as "GET", url, headers: { origin: APP_ORIGIN } });
        const needsSession = answer.statusCode === 401 && answer.json().error.code === "UNAUTHENTICATED";
        if (needsSession) asked.push(`${method} ${path}`);
        const session = [{ bearer: [] }, { cookie: [] }];
        // A protected one may also take a platform service acting for a viewer (both schemes at once);
        // one open to everyone may say it reads a session when there is one (the empty requirement last).
        const documented = needsSession ? [session, [...session, { serviceClient: [], viewerToken: [] }]] : [[], [...session, {}]];
        if (!documented.some((security) => JSON.stringify(operation.security) === JSON.stringify(security))) {
          misdocumented.push(`${method} ${path}`);
        }
      }
    }
    expect(misdocumented).toEqual([]);
    expect(asked).toContain("get /api/v1/me");
    expect(asked).not.toContain("post /api/v1/auth/sign-in");
    expect(JSON.stringify(doc.components.schemas.Error)).toContain("TV_CODE_NOT_FOUND");
  });

  it("says where a platform service may act for a viewer: the streams a player starts, heartbeats and stops", () => {
    const onBehalf = Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([, operation]) => JSON.stringify(operation.security).includes("viewerToken"))
        .map(([method]) => `${method} ${path}`),
    );
    expect(onBehalf.sort()).toEqual(["delete /api/v1/streams/{id}", "post /api/v1/streams", "post /api/v1/streams/{id}/heartbeat"]);
  });

  it("describes the session event stream as server-sent events", () => {
    const events = doc.paths["/api/v1/sessions/events"]!.get!;
    expect(events.responses["200"]).toMatchObject({ content: { "text/event-stream": { schema: { type: "string" } } } });
    expect(JSON.stringify(events.responses["200"])).toContain("signed-out");
  });

  it("describes TV sign-in's OAuth endpoints with form bodies and OAuth error bodies", () => {
    const token = doc.paths["/oauth/token"]!.post!;
    expect(Object.keys(token.requestBody as object)).toContain("content");
    expect(JSON.stringify(token.requestBody)).toContain("application/x-www-form-urlencoded");
    expect(JSON.stringify(token.responses["400"])).toContain("#/components/schemas/OAuthError");
    expect(doc.paths["/oauth/device_authorization"]?.post).toBeDefined();
    expect(doc.paths["/.well-known/oauth-authorization-server"]?.get).toBeDefined();
  });

  it("leaves out the web app's pages and the docs page itself", () => {
    expect(Object.keys(doc.paths).every((path) => /^\/(api\/v1|oauth|\.well-known|livez|readyz|healthz)/.test(path))).toBe(true);
    expect(JSON.stringify(doc)).toContain(APP_ORIGIN);
  });
});

describe("GET /api/docs", () => {
  it("serves the docs page and its scripts from this server, under the strict CSP with no inline script", async () => {
    for (const url of ["/api/docs", "/api/docs/"]) await checkDocsPage(url);
  });

  it("allows inline styles on the docs pages only (Swagger UI sets style attributes)", async () => {
    const docs = String((await t.app.inject({ method: "GET", url: "/api/docs/" })).headers["content-security-policy"]);
    const app = pageSecurityHeaders(false)["content-security-policy"]!;
    expect(docs).toContain("style-src 'self' 'unsafe-inline'");
    expect(app).toContain("style-src 'self';");
    expect(app).not.toContain("unsafe-inline");
  });
});

/** The page and every script it loads answer from this server, with nothing inline, under our CSP. */
async function checkDocsPage(url: string): Promise<void> {
  const page = await t.app.inject({ method: "GET", url });
  expect(page.statusCode).toBe(200);
  const html = page.body;
  const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
  expect(scripts.length).toBeGreaterThan(0);
  for (const [, attributes, body] of scripts) {
    expect(body!.trim()).toBe(""); // nothing inline
    const src = /src="([^"]+)"/.exec(attributes!)![1]!;
    expect(src).not.toMatch(/^https?:/);
    const asset = await t.app.inject({ method: "GET", url: new URL(src, `${APP_ORIGIN}${url}`).pathname });
    expect(asset.statusCode).toBe(200);
  }
  const csp = page.headers["content-security-policy"] as string;
  expect(csp).toContain("script-src 'self';");
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
}
