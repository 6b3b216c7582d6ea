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
import { catalogueTitle } from "../../contract/schemas/catalogue";
import { errorResponse } from "../../contract/schemas/error-body";
import { publicProfile } from "../../contract/schemas/profiles";
import { publicSession } from "../../contract/schemas/sessions";
import { oauthErrorResponse } from "../../contract/schemas/tv-sign-in";
import { isJsonApiRoute } from "../http/json-api";

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
components.add(catalogueTitle, { id: "Title" });

/**
 * The OAuth endpoints the platform's services call with their client credentials. Revocation
 * also takes a phone or TV app's client_id instead (no credentials: the empty requirement).
 */
const SERVICE_SECURITY: Record<string, Record<string, string[]>[]> = {
  "/oauth/introspect": [{ serviceClient: [] }],
  "/oauth/revoke": [{ serviceClient: [] }, {}],
};

/**
 * The ones that need no session: signing in, and the links and codes that reach someone who
 * isn't (a test sends every operation without one to keep this list true). Every other
 * documented /api/v1 operation needs a bearer token or the cookie, but SESSION_OPTIONAL's.
 */
const PUBLIC = new Set([
  "/api/v1/auth/sign-up",
  "/api/v1/auth/sign-in",
  "/api/v1/auth/sign-in-code",
  "/api/v1/auth/sign-in-code/complete",
  "/api/v1/auth/two-step",
  "/api/v1/auth/passkey/options",
  "/api/v1/auth/passkey",
  "/api/v1/auth/password-reset",
  "/api/v1/auth/password-reset/complete",
  "/api/v1/account/email/verify",
  "/api/v1/account/email/confirm",
]);

/**
 * Open to everyone, but answering a session differently (a profile sees only what it may
 * watch): a bearer token, the cookie, or nothing (the empty requirement).
 */
const SESSION_OPTIONAL = new Set(["/api/v1/titles", "/api/v1/titles/:titleId"]);
const SESSION: Record<string, string[]>[] = [{ bearer: [] }, { cookie: [] }];
/** A platform service acting for a viewer: its own credentials and the viewer's token, both. */
const ON_BEHALF_OF_VIEWER: Record<string, string[]>[] = [...SESSION, { serviceClient: [], viewerToken: [] }];

/** Answers that are not JSON, described by hand: zod describes bodies, not streams. */
const EVENT_STREAMS: Record<string, string> = {
  "/api/v1/sessions/events":
    "Server-sent events for this session: `ready` once; `stream-ended` with `{ streamId, titleId, reason }` when one " +
    "of this device's streams is stopped from another device or by a sign-out; then `signed-out` with `{ code, reason }` " +
    "when the session is revoked (on any device) or expires, and the stream ends. `: keep-alive` comments keep proxies from closing it.",
};

const transformZod = createJsonSchemaTransform({ schemaRegistry: components });

/** The operation's JSON schemas, plus a text/event-stream success for the streams. */
function transformOperation(input: Parameters<typeof transformZod>[0]): ReturnType<typeof transformZod> {
  const result = transformZod(input);
  const stream = EVENT_STREAMS[input.url];
  if (!stream) return result;
  const schema = result.schema as { response?: Record<string, unknown> };
  const eventStream = { description: stream, content: { "text/event-stream": { schema: { type: "string" } } } };
  return { ...result, schema: { ...schema, response: { 200: eventStream, ...schema.response } } };
}

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
          serviceClient: {
            type: "http",
            scheme: "basic",
            description: "The platform's services: client_secret_basic (RFC 6749 §2.3.1) with a service client's id and secret.",
          },
          viewerToken: {
            type: "apiKey",
            in: "header",
            name: "Usher-Viewer-Token",
            description: "A platform service acting for a viewer (with its serviceClient credentials): the viewer's session token.",
          },
        },
      },
    },
    transform: (input) => {
      const { url } = input;
      const schema = (input.schema ?? {}) as Record<string, unknown>;
      if (!isJsonApiRoute(url)) return { schema: { ...schema, hide: true }, url };
      if (!url.startsWith("/api/v1/")) return transformZod({ ...input, schema: { ...schema, security: SERVICE_SECURITY[url] ?? [] } });
      // Every JSON API operation can fail with the catalogue's error body.
      const response = { ...(schema.response as object | undefined), "4XX": errorResponse };
      const security = PUBLIC.has(url)
        ? []
        : SESSION_OPTIONAL.has(url)
          ? [...SESSION, {}]
          : input.route?.config?.onBehalfOfViewer
            ? ON_BEHALF_OF_VIEWER
            : SESSION;
      return transformOperation({ ...input, schema: { ...schema, response, security } });
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
