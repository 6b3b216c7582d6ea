// client_secret_basic (RFC 6749 §2.3.1): "Authorization: Basic base64(id:secret)", where the id
// and the secret were each form-urlencoded first, so either may hold a colon.
import type { FastifyReply } from "fastify";
import { noStore } from "./oauth-answers";

export interface ClientCredentials {
  id: string;
  secret: string;
}

/** The credentials an Authorization header carries, or null when it carries none or is malformed. */
export function basicCredentials(header: string | undefined): ClientCredentials | null {
  const [scheme, encoded, extra] = header?.trim().split(/\s+/) ?? [];
  if (scheme?.toLowerCase() !== "basic" || !encoded || extra !== undefined || encoded.length > 1024) return null;
  const decoded = Buffer.from(encoded, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon <= 0) return null;
  try {
    const id = formDecode(decoded.slice(0, colon));
    const secret = formDecode(decoded.slice(colon + 1));
    return secret ? { id, secret } : null;
  } catch {
    return null;
  }
}

const formDecode = (value: string): string => decodeURIComponent(value.replace(/\+/g, " "));

/** 401 invalid_client, with the challenge a client library answers by sending its credentials. */
export function refuseClient(reply: FastifyReply): FastifyReply {
  noStore(reply);
  return reply
    .code(401)
    .header("www-authenticate", 'Basic realm="usher", charset="UTF-8"')
    .type("application/json")
    .send({ error: "invalid_client" });
}
