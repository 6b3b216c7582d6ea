// Security headers on every answer, decided once at start (they never depend on the request,
// and building them per request, as helmet's middleware does, was 9% of an authenticated
// request's CPU time). Set when the request arrives, so an answer a later hook gives has them.
//
// Pages (the web app, the API docs, anything that may be rendered) get helmet's full set: a
// strict CSP with no inline script, no framing, no sniffing, and HSTS over HTTPS in production.
// The JSON API's answers get only what protects an answer that is never rendered as a page:
//   - `x-content-type-options: nosniff`: no browser reads the JSON as script or HTML; with it,
//     a cross-site <script> or <img> load of the answer is blocked before it reaches the page
//     (CORB/ORB);
//   - `cache-control: no-store`: account data never sits in a shared or local cache;
//   - HSTS (production): the next request goes over HTTPS, whatever it asks for;
//   - `content-security-policy: default-src 'none'; frame-ancestors 'none'`: opened as a
//     document anyway, it loads nothing, runs nothing and cannot be framed.
// Left out of JSON answers, as they protect documents only: the page CSP's other directives
// (what a page may load), Cross-Origin-Opener-Policy and Origin-Agent-Cluster (a document's
// browsing context and process), Referrer-Policy and X-DNS-Prefetch-Control (requests a
// document makes), X-Frame-Options (frame-ancestors 'none' says it to every browser that
// runs a CSP), Cross-Origin-Resource-Policy (cross-site no-cors reads of nosniff JSON are
// already blocked), and X-Download-Options, X-Permitted-Cross-Domain-Policies and
// X-XSS-Protection (Internet Explorer, Flash and Acrobat, and the old XSS auditor).
import type { IncomingMessage, ServerResponse } from "node:http";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import helmet, { type HelmetOptions } from "helmet";
import { isJsonApiRoute } from "../http/json-api";

function helmetOptions(production: boolean): HelmetOptions {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    strictTransportSecurity: production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
    frameguard: { action: "deny" },
  };
}

/** The headers of a page: what helmet's middleware sets with these options, read off one run of it, and no-store. */
export function pageSecurityHeaders(production: boolean): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string) => {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
  };
  let failure: unknown;
  helmet(helmetOptions(production))({} as IncomingMessage, response as unknown as ServerResponse, (error) => (failure = error));
  if (failure) throw failure;
  // Account data must never sit in a shared cache; a page or asset that may sets its own.
  return { ...headers, "cache-control": "no-store" };
}

/** The headers of a JSON API answer (see the top of this file for why these and no more). */
export function jsonSecurityHeaders(production: boolean): Record<string, string> {
  const page = pageSecurityHeaders(production);
  return {
    "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
    "x-content-type-options": "nosniff",
    "cache-control": "no-store",
    ...(page["strict-transport-security"] ? { "strict-transport-security": page["strict-transport-security"] } : {}),
  };
}

declare module "fastify" {
  interface FastifyContextConfig {
    /** The security headers of the route's answers, decided when it is registered. */
    securityHeaders?: Record<string, string>;
  }
}

export const securityHeaders = fp(async (app: FastifyInstance, options: { production: boolean }) => {
  const page = pageSecurityHeaders(options.production);
  const json = jsonSecurityHeaders(options.production);
  // Every route registered after this plugin (all of them) is told its set once.
  app.addHook("onRoute", (route) => {
    route.config = { ...route.config, securityHeaders: isJsonApiRoute(route.url) ? json : page };
  });
  app.addHook("onRequest", (request, reply, done) => {
    // An address no route takes may be a page of the web app: it gets the page's set.
    reply.headers(request.routeOptions.config?.securityHeaders ?? page);
    done();
  });
});
