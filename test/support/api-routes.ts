// Every method and path the app routes under /api/v1, in OpenAPI's spelling ({id}), read from
// Fastify's own route tree: what a test must cover whatever the document or a list says.
import type { App } from "../../src/server/app";

export function apiRoutes(app: App, options: { withHeadRoutes: boolean }): string[] {
  const found = new Set<string>();
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split("\n")) {
    const match = /^((?:│ {3}| {4})*)[├└]── (\S+)(?: \(([^)]+)\))?/.exec(line);
    if (!match) continue;
    const depth = [...match[1]!].length / 4;
    stack[depth] = (depth > 0 ? stack[depth - 1]! : "") + match[2]!;
    const path = stack[depth]!.replace(/:(\w+)/g, "{$1}");
    if (!path.startsWith("/api/v1/") || !match[3]) continue;
    for (const method of match[3].split(", ")) if (options.withHeadRoutes || method !== "HEAD") found.add(`${method} ${path}`);
  }
  return [...found].sort();
}
