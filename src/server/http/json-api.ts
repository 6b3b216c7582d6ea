// The addresses that answer only JSON (or nothing): the API, TV sign-in's OAuth endpoints and
// the health checks. Browsers never render them as pages; the OpenAPI document lists them and
// they get the security headers a JSON answer needs (plugins/security-headers.ts).
const HEALTH_CHECKS = new Set(["/livez", "/readyz", "/healthz"]);

/** Whether a route pattern (Fastify's `routeOptions.url`) is one of the JSON API's. */
export function isJsonApiRoute(url: string): boolean {
  return url.startsWith("/api/v1/") || url.startsWith("/oauth/") || url.startsWith("/.well-known/") || HEALTH_CHECKS.has(url);
}
