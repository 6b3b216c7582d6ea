// Serves the built web app (dist/web): hashed assets with a long cache, and index.html for
// every other page address so the app's router can take it from there. API and dev paths,
// and clients that don't ask for HTML, get the JSON 404 instead.
//
// A page opened under another name of this server (http://127.0.0.1:3000 when PUBLIC_URL is
// http://localhost:3000) is sent to PUBLIC_URL: from there every form would be refused as
// coming from another site, and passkeys are bound to PUBLIC_URL's host. Only pages move: the
// API, OAuth and health checks answer under any name (services and probes use internal ones).
import { existsSync } from "node:fs";
import { join } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { PageFallback } from "../plugins/error-mapper";

/** Serves the built assets; answers the fallback for page addresses, or undefined when not built. */
export async function registerWebApp(app: FastifyInstance, webRoot: string, publicUrl?: string): Promise<PageFallback | undefined> {
  if (!existsSync(join(webRoot, "index.html"))) return undefined;
  await app.register(fastifyStatic, {
    root: webRoot,
    prefix: "/",
    index: false,
    // The build leaves .br and .gz copies beside each asset (vite.config.ts): sent to a browser
    // that accepts them, they are a quarter of the size on a slow connection.
    preCompressed: true,
    // Looked up per request, so a rebuild is served without a restart; misses fall through
    // to the not-found handler (and so to index.html for page addresses).
    wildcard: true,
    setHeaders(reply, path) {
      reply.header("cache-control", path.includes("/assets/") ? "public, max-age=31536000, immutable" : "no-cache");
    },
  });
  // The static handler refuses the root folder itself (index: false), so "/" is a page of its own.
  const page = (request: FastifyRequest, reply: FastifyReply) => {
    const canonical = publicUrl ? elsewhere(request, publicUrl) : undefined;
    return canonical ? reply.redirect(canonical, 302) : sendIndex(reply);
  };
  app.get("/", page);
  return (request, reply) => (isPageRequest(request) ? page(request, reply) : undefined);
}

/** The page's address under PUBLIC_URL, when the request named this server otherwise. */
function elsewhere(request: FastifyRequest, publicUrl: string): string | undefined {
  const canonical = new URL(publicUrl);
  if (request.hostname === canonical.hostname) return undefined;
  return new URL(request.url, canonical).href;
}

function isPageRequest(request: FastifyRequest): boolean {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  const path = request.url.split("?")[0]!;
  if (/^\/(api|dev|livez|readyz|healthz)(\/|$)/.test(path) || path.startsWith("/assets/")) return false;
  return (request.headers.accept ?? "").includes("text/html");
}

function sendIndex(reply: FastifyReply) {
  return reply.header("cache-control", "no-cache").sendFile("index.html");
}
