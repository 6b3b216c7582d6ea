// The Usher API as a phone app speaks it: bearer tokens, one distinct client address per request;
// and as a platform service speaks it: token introspection with a service client's credentials.
import { createHash, randomBytes } from "node:crypto";
import type { Node } from "./processes";

export const PASSWORD = "violet-kettle-harbour-42";

// The Usher API as a phone app speaks it

export async function api(
  node: Node,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; ip?: string } = {},
): Promise<{ status: number; json: Record<string, unknown> | null }> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.ip) headers["x-forwarded-for"] = options.ip;
  if (options.body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(`${node.url}${path}`, {
    method,
    headers,
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

/** A distinct client address for every request that needs one (the server trusts X-Forwarded-For). */
export function ipFor(block: number, i: number): string {
  return `10.${block}.${(i >> 8) & 255}.${i & 255}`;
}

export const runId = `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
export const emailOf = (i: number) => `bench-${runId}-${i}@example.com`;

export async function signUp(node: Node, i: number): Promise<string> {
  const response = await api(node, "POST", "/api/v1/auth/sign-up", {
    ip: ipFor(200, i),
    body: { email: emailOf(i), password: PASSWORD, client: { kind: "mobile", name: "Bench phone" } },
  });
  if (response.status !== 201 || typeof response.json?.token !== "string") {
    throw new Error(`sign-up ${i} answered ${response.status}: ${JSON.stringify(response.json)}`);
  }
  return response.json.token as string;
}

export let signInIp = 0;
export async function signIn(node: Node, i: number): Promise<string> {
  const response = await api(node, "POST", "/api/v1/auth/sign-in", {
    ip: ipFor(201, signInIp++),
    body: { email: emailOf(i), password: PASSWORD, client: { kind: "mobile", name: "Bench phone" } },
  });
  if (response.status !== 200 || typeof response.json?.token !== "string") {
    throw new Error(`sign-in ${i} answered ${response.status}: ${JSON.stringify(response.json)}`);
  }
  return response.json.token as string;
}

// The Usher API as a platform service speaks it

/** A service client the bench configures (SERVICE_CLIENTS) and the Basic credentials it sends. */
export interface ServiceClient {
  id: string;
  /** The plain secret, for what takes the id and the secret apart (a session verifier). */
  secret: string;
  /** `Basic base64(id:secret)` (client_secret_basic, RFC 6749 §2.3.1). */
  authorization: string;
}

/**
 * Service clients with one fresh secret (32 random bytes, base64url, as `usher clients add` makes
 * them) and the SERVICE_CLIENTS value that configures them: only the secret's SHA-256.
 */
export function serviceClients(ids: string[]): { clients: ServiceClient[]; env: string } {
  const secret = randomBytes(32).toString("base64url");
  const secretSha256 = createHash("sha256").update(secret).digest("hex");
  const formEncode = (value: string) => encodeURIComponent(value).replace(/%20/g, "+");
  return {
    clients: ids.map((id) => ({
      id,
      secret,
      authorization: `Basic ${Buffer.from(`${formEncode(id)}:${formEncode(secret)}`).toString("base64")}`,
    })),
    env: JSON.stringify(ids.map((id) => ({ id, name: `Bench ${id}`, secretSha256 }))),
  };
}

/** The form body of an introspection request for `token`. */
export const introspectionBody = (token: string) => new URLSearchParams({ token }).toString();

/** POST /oauth/introspect once: the status and the answer. */
export async function introspect(
  node: Node,
  client: ServiceClient,
  token: string,
): Promise<{ status: number; json: Record<string, unknown> | null }> {
  const response = await fetch(`${node.url}/oauth/introspect`, {
    method: "POST",
    headers: { authorization: client.authorization, "content-type": "application/x-www-form-urlencoded" },
    body: introspectionBody(token),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}
