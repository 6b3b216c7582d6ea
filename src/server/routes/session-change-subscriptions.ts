// The platform's verifiers subscribe here for session changes: one WebSocket per verifier,
// opened with the service client's credentials (HTTP Basic, as for introspection). The frames
// are src/verifier/protocol.ts; what they promise is src/verifier/LEASES.md.
import type { FastifyPluginAsync } from "fastify";
import type { WebSocket } from "ws";
import type { CoreDeps } from "../../core/deps";
import type { LeaseTimings } from "../../core/session-changes/ports";
import type { SubscriberHub } from "../../core/session-changes/subscriber-hub";
import { parseVerifierMessage, SUBSCRIPTION_PATH, type UsherMessage } from "../../verifier/protocol";
import { refuseClient } from "../http/client-credentials";
import { serviceClientOfRequest } from "../http/service-authentication";

export interface SessionChangeSubscriptionOptions {
  core: CoreDeps;
  hub: SubscriberHub;
  timings: LeaseTimings;
}

/** Subscriptions one node holds at most: a platform runs a few services with a few processes each. */
export const MAX_SUBSCRIPTIONS = 1_000;
/** A subscriber this far behind on reading (it is stopped, or its network is) is let go: it resubscribes. */
const MAX_BUFFERED_BYTES = 1 << 20;
/** Policy violation: a frame that is not a protocol message. */
const CLOSE_MALFORMED = 1008;

export const sessionChangeSubscriptionRoutes: FastifyPluginAsync<SessionChangeSubscriptionOptions> = async (
  app,
  { core, hub, timings },
) => {
  const serviceClient = serviceClientOfRequest(core);

  app.route({
    method: "GET",
    url: `/${SUBSCRIPTION_PATH}`,
    schema: { hide: true },
    // Before the upgrade: a refused subscription is a plain HTTP answer.
    preValidation: async (request, reply) => {
      if (!(await serviceClient(request))) return refuseClient(reply);
      if (!hub.accepting || hub.subscriberCount >= MAX_SUBSCRIPTIONS) {
        // Not hearing changes (or full): another node, or this one shortly, will take it.
        return reply.code(503).header("retry-after", "1").send({ error: "temporarily_unavailable" });
      }
    },
    handler: async (_request, reply) => reply.code(426).header("upgrade", "websocket").send({ error: "upgrade_required" }),
    wsHandler: (socket) =>
      subscribe(socket, hub, {
        type: "hello",
        entryMs: core.config.sessions.touchIntervalMs,
        renewMs: timings.subscriberRenewMs,
      }),
  });
};

function subscribe(socket: WebSocket, hub: SubscriberHub, hello: UsherMessage): void {
  const send = (message: UsherMessage) => {
    if (socket.bufferedAmount > MAX_BUFFERED_BYTES) socket.terminate();
    else socket.send(JSON.stringify(message));
  };
  send(hello);
  const subscription = hub.join({
    change: (n, account) => send({ type: "change", n, account }),
    lease: (id, ms, epoch) => send({ type: "lease", id, ms, epoch }),
  });
  socket.on("message", (data, isBinary) => {
    const message = isBinary ? null : parseVerifierMessage(data.toString());
    if (!message) return socket.close(CLOSE_MALFORMED, "not a session-change protocol message");
    if (message.type === "ack") subscription.ack(message.n);
    else subscription.renew(message.id, message.applied);
  });
  socket.on("close", () => subscription.leave());
  socket.on("error", () => socket.terminate());
}
