// Authenticates a platform service by its Authorization header (client_secret_basic). A
// service sends the same header on every request, so a header that verified is remembered
// for the client cache's time: a busy service's check costs a map lookup instead of parsing
// and hashing, and removing or rotating a client still takes effect on every node within
// that time. Only headers that verified are remembered, and never more than a bounded number.
import type { FastifyRequest } from "fastify";
import type { Clock } from "../../core/clock";
import type { CoreDeps } from "../../core/deps";
import { type ServiceClient, type ServiceClientDirectory, serviceClientDirectory } from "../../core/services/service-clients";
import { basicCredentials } from "./client-credentials";

const MAX_REMEMBERED = 1_000;

export type ServiceAuthenticator = (authorization: string | undefined) => Promise<ServiceClient | null>;

export function serviceAuthenticator(directory: ServiceClientDirectory, clock: Clock, rememberMs: number): ServiceAuthenticator {
  const remembered = new Map<string, { client: ServiceClient; until: number }>();
  return async (authorization) => {
    if (!authorization) return null;
    const now = clock.now().getTime();
    const known = remembered.get(authorization);
    if (known && known.until > now) return known.client;
    remembered.delete(authorization);
    const credentials = basicCredentials(authorization);
    const client = credentials && (await directory.authenticate(credentials.id, credentials.secret));
    if (client) {
      if (remembered.size >= MAX_REMEMBERED) remembered.clear();
      remembered.set(authorization, { client, until: now + rememberMs });
    }
    return client;
  };
}

/** The service client a request authenticates as, if any: the authenticator is made at the first
 *  request, since the OpenAPI document registers routes with no dependencies. */
export function serviceClientOfRequest(core: CoreDeps): (request: FastifyRequest) => Promise<ServiceClient | null> {
  let authenticator: ServiceAuthenticator | undefined;
  return (request) => {
    authenticator ??= serviceAuthenticator(
      serviceClientDirectory(core.config.services.clients, core.stores.serviceClients),
      core.clock,
      core.config.services.clientCacheMs,
    );
    return authenticator(request.headers.authorization);
  };
}
