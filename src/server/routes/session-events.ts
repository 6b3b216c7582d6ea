// GET /sessions/events: a server-sent-events stream that tells an open screen, within moments,
// that its session was revoked (on any node) or has expired, and that one of its device's
// streams was stopped from another device or by a sign-out. Each stream is one watcher in the
// node's LiveSessions; one timer per node keeps every stream alive through proxies.
import type { OutgoingHttpHeaders, ServerResponse } from "node:http";
import type { FastifyPluginAsync, FastifyReply } from "fastify";
import { type SignedOutEvent, type StreamEndedEvent, sessionEventNames } from "../../contract/schemas/sessions";
import type { LiveSessions } from "../../core/sessions/live-sessions";
import { replyFailure } from "../http/reply-failure";

export interface SessionEventsOptions {
  liveSessions: LiveSessions;
  /** Between keep-alive comments (and expiry re-checks); ~25 s keeps proxies from timing out. */
  heartbeatMs: number;
}

/** How long a browser waits before reconnecting a dropped stream. */
const RETRY_MS = 2_000;
/** When this node shuts down, each open stream is told to wait RETRY_MS plus up to this. */
const SHUTDOWN_RETRY_SPREAD_MS = 3_000;

export const sessionEventRoutes: FastifyPluginAsync<SessionEventsOptions> = async (app, { liveSessions, heartbeatMs }) => {
  const streams = new Set<ServerResponse>();

  const heartbeat = setInterval(() => {
    for (const stream of streams) stream.write(": keep-alive\n\n");
    liveSessions.recheckExpired();
  }, heartbeatMs);
  heartbeat.unref();

  // Open streams would hold the server's close forever: end them first. The browser reconnects
  // (to another node, through the balancer) after the retry given here, spread over a few
  // seconds so that a node's screens don't all come back in the same instant.
  app.addHook("preClose", async () => {
    for (const stream of streams)
      stream.end(`: shutting down\nretry: ${RETRY_MS + Math.floor(Math.random() * SHUTDOWN_RETRY_SPREAD_MS)}\n\n`);
  });
  app.addHook("onClose", async () => clearInterval(heartbeat));

  // No HEAD twin: it would hold a watcher open with nothing to send it to. A Kids profile's
  // screen must hear that it was signed out too.
  app.get(
    "/sessions/events",
    { onRequest: app.requireSession, config: { kidsProfile: "allowed" }, exposeHeadRoute: false },
    async (request, reply) => {
      const { session } = request;
      if (!liveSessions.hasRoomFor(session.accountId)) {
        return replyFailure(reply, { ok: false, code: "RATE_LIMITED", retryAfterSec: 30 });
      }
      reply.hijack();
      const stream = reply.raw;
      stream.writeHead(200, {
        // What the plugins set for this answer (security headers, a slid session cookie).
        ...headersOf(reply),
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-store",
        // No proxy may buffer (or compress) the stream: each event must leave at once.
        "x-accel-buffering": "no",
      });
      stream.write(`retry: ${RETRY_MS}\nevent: ${sessionEventNames.ready}\ndata: {}\n\n`);
      streams.add(stream);

      const unwatch = liveSessions.watch(
        session,
        (end) => {
          const event: SignedOutEvent = { code: end.code, reason: end.reason };
          stream.end(`event: ${sessionEventNames.signedOut}\ndata: ${JSON.stringify(event)}\n\n`);
        },
        (ended) => {
          const event: StreamEndedEvent = { streamId: ended.id, titleId: ended.titleId, reason: ended.reason };
          stream.write(`event: ${sessionEventNames.streamEnded}\ndata: ${JSON.stringify(event)}\n\n`);
        },
      );
      stream.on("close", () => {
        unwatch();
        streams.delete(stream);
      });
      return reply;
    },
  );
};

function headersOf(reply: FastifyReply): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) headers[name] = value;
  return headers;
}
