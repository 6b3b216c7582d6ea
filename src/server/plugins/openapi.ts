// The API's OpenAPI 3.1 document at /api/openapi.json, generated from the contract's zod
// schemas as the routes register, and a docs page at /api/docs whose assets are served from
// node_modules (no CDN). The page keeps the app's CSP but for one relaxation: Swagger UI's
// React components set style attributes, so its pages (only those) allow inline styles.
// Scripts stay same-origin only; the page shows documentation and holds no account data.
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import { createJsonSchemaTransform, createJsonSchemaTransformObject } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponse } from "../../contract/schemas/error-body";
import { publicProfile } from "../../contract/schemas/profiles";
import { publicSession } from "../../contract/schemas/sessions";
import { oauthErrorResponse } from "../../contract/schemas/tv-sign-in";

export const OPENAPI_PATH = "/api/openapi.json";
export const DOCS_PREFIX = "/api/docs";

/** The app's CSP (security-headers.ts) with inline styles allowed, for the docs pages only. */
export function docsContentSecurityPolicy(appPolicy: string): string {
  return appPolicy.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");
}

// Named schemas become components ($ref) instead of being repeated in every operation.
// A registry of our own, so nothing global changes for other users of zod.
const components = z.registry<{ id: string }>();
components.add(errorResponse, { id: "Error" });
components.add(oauthErrorResponse, { id: "OAuthError" });
components.add(publicProfile, { id: "Profile" });
components.add(publicSession, { id: "Session" });

/** Addresses in the document: the JSON API, TV sign-in's OAuth endpoints and the health check. */
const documented = (url: string) =>
  url.startsWith("/api/v1/") || url.startsWith("/oauth/") || url.startsWith("/.well-known/") || url === "/healthz";

/** The ones that need no session; every other documented /api/v1 operation needs a bearer token or the cookie. */
const PUBLIC = new Set(["/api/v1/auth/sign-up", "/api/v1/auth/sign-in"]);

const transformZod = createJsonSchemaTransform({ schemaRegistry: components });
const transformObject = createJsonSchemaTransformObject({ schemaRegistry: components });

export async function registerOpenApi(app: FastifyInstance, options: { publicUrl: string }): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Usher API",
        version: "1",
        description:
          "Accounts, profiles and device sessions. Errors of the JSON API are `{ error: { code, message } }` with a " +
          "stable code (the Error schema); TV sign-in's OAuth endpoints answer RFC 6749 error bodies (OAuthError).",
      },
      servers: [{ url: options.publicUrl }],
      components: {
        securitySchemes: {
          bearer: { type: "http", scheme: "bearer", description: "Phone and TV apps: the token from sign-in or TV sign-in." },
          cookie: { type: "apiKey", in: "cookie", name: "__Host-usher_session", description: "Browsers (the web app)." },
        },
      },
    },
    transform: (input) => {
      const { url } = input;
      const schema = (input.schema ?? {}) as Record<string, unknown>;
      if (!documented(url)) return { schema: { ...schema, hide: true }, url };
      if (!url.startsWith("/api/v1/")) return transformZod({ ...input, schema: { ...schema, security: [] } });
      // Every JSON API operation can fail with the catalogue's error body.
      const response = { ...(schema.response as object | undefined), "4XX": errorResponse };
      const security: Record<string, string[]>[] = PUBLIC.has(url) ? [] : [{ bearer: [] }, { cookie: [] }];
      return transformZod({ ...input, schema: { ...schema, response, security } });
    },
    transformObject,
  });
  await app.register(swaggerUi, {
    routePrefix: DOCS_PREFIX,
    // Swagger UI would otherwise send the document to an outside validator service.
    validatorUrl: false,
    // Our CSP (helmet's, set for every answer), relaxed for inline styles only, here.
    staticCSP: false,
    uiHooks: {
      onRequest: (_request, reply, done) => {
        const policy = reply.getHeader("content-security-policy");
        if (typeof policy === "string") reply.header("content-security-policy", docsContentSecurityPolicy(policy));
        done();
      },
    },
    uiConfig: { deepLinking: true },
  });
  app.get(OPENAPI_PATH, { schema: { hide: true } }, async () => app.swagger());
}
