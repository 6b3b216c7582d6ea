// The platform's services as OAuth clients of kind `service` (client_secret_basic, RFC 6749
// §2.3.1). A secret is 32 random bytes, so a plain SHA-256 digest cannot be reversed by
// guessing and costs a service's every request next to nothing, where a slow password hash
// would sink introspection's throughput. Clients come from configuration and from the
// database (the `usher clients` command); configuration wins on an id both name.
import type { Clock } from "../clock";
import { digestsEqual, sha256Hex } from "../crypto/hashing";
import type { Random } from "../crypto/ports";
import { randomToken } from "../crypto/random";
import type { ServiceClientRecord, ServiceClientStore } from "./ports";

/** A service client named in configuration: only its secret's digest is configured. */
export interface ConfiguredServiceClient {
  id: string;
  name: string;
  secretDigest: string;
}

export type ServiceClient = Pick<ServiceClientRecord, "id" | "name">;

export const SERVICE_CLIENT_ID = /^[A-Za-z0-9._-]{1,100}$/;
const SECRET_BYTES = 32;

export const newServiceSecret = (random: Random): string => randomToken(random, SECRET_BYTES);

export const secretDigest = (secret: string): string => sha256Hex(secret);

export interface ServiceClientDirectory {
  /** The client whose secret this is, or null: an unknown id and a wrong secret answer alike. */
  authenticate(id: string, secret: string): Promise<ServiceClient | null>;
}

/**
 * Looks clients up in configuration, then the store, on every call: the server remembers the
 * headers that verified (server/http/service-authentication.ts), so a busy service costs no
 * query per request, and that one memory bounds how long a removed or rotated secret works.
 */
export function serviceClientDirectory(
  configured: readonly ConfiguredServiceClient[],
  store: Pick<ServiceClientStore, "find">,
): ServiceClientDirectory {
  const lookUp = async (id: string): Promise<Pick<ServiceClientRecord, "id" | "name" | "secretDigest"> | null> =>
    configured.find((client) => client.id === id) ?? (await store.find(id));
  return {
    async authenticate(id, secret) {
      if (!SERVICE_CLIENT_ID.test(id)) return null;
      const client = await lookUp(id);
      // Digest compared in constant time; an unknown id still digests, so timing says nothing.
      const matches = digestsEqual(secretDigest(secret), client?.secretDigest ?? "00".repeat(32));
      return client && matches ? { id: client.id, name: client.name } : null;
    },
  };
}

/** `usher clients add`: the new client and its secret, shown once. */
export async function addServiceClient(
  deps: { stores: { serviceClients: ServiceClientStore }; clock: Clock; random: Random },
  client: ServiceClient,
): Promise<{ ok: true; secret: string } | { ok: false; code: "CLIENT_EXISTS" }> {
  const secret = newServiceSecret(deps.random);
  const added = await deps.stores.serviceClients.add({
    ...client,
    secretDigest: secretDigest(secret),
    createdAt: deps.clock.now(),
    secretRotatedAt: null,
  });
  return added ? { ok: true, secret } : { ok: false, code: "CLIENT_EXISTS" };
}

/** `usher clients rotate-secret`: a new secret replaces the old one, shown once. */
export async function rotateServiceSecret(
  deps: { stores: { serviceClients: ServiceClientStore }; clock: Clock; random: Random },
  id: string,
): Promise<{ ok: true; secret: string } | { ok: false; code: "CLIENT_NOT_FOUND" }> {
  const secret = newServiceSecret(deps.random);
  const replaced = await deps.stores.serviceClients.replaceSecret(id, secretDigest(secret), deps.clock.now());
  return replaced ? { ok: true, secret } : { ok: false, code: "CLIENT_NOT_FOUND" };
}
