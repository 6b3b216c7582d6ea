// application/x-www-form-urlencoded bodies, as OAuth clients send them (RFC 6749 §3.2).
// Registered only inside the OAuth routes' scope; the JSON API stays JSON-only.
import type { FastifyInstance } from "fastify";

/** A parameter sent twice is refused (RFC 6749 §3.1): which one counts would be a guess. */
export function acceptFormBodies(app: FastifyInstance): void {
  app.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_request, body, done) => {
    const parsed: Record<string, string> = {};
    for (const [name, value] of new URLSearchParams(body as string)) {
      if (Object.hasOwn(parsed, name)) {
        return done(Object.assign(new Error(`${name} is given more than once.`), { statusCode: 400, duplicateParameter: name }));
      }
      parsed[name] = value;
    }
    done(null, parsed);
  });
}
