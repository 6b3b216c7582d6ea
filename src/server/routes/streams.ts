// Watching: a player starts a stream for a title on its own session, heartbeats while it plays,
// and stops it; any device of the account may stop another's (not from a Kids profile). A
// platform's playback service may do the player's part on behalf of a viewer's token.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  heartbeatResponse,
  startStreamRequest,
  streamIdParams,
  streamingActivityQuery,
  streamingActivityResponse,
  streamResponse,
  tooManyStreamsResponse,
} from "../../contract/schemas/streams";
import { findTitle } from "../../core/catalogue/titles";
import type { CoreDeps } from "../../core/deps";
import type { WatchingNow } from "../../core/streams/ports";
import { listStreamingActivity } from "../../core/streams/streaming-activity";
import { heartbeatStream, startStream, stopStream } from "../../core/streams/streams";
import { requestContext } from "../http/client";
import { errorBody } from "../http/error-body";
import { replyFailure } from "../http/reply-failure";

const tags = ["Watching"];

export const streamRoutes: FastifyPluginAsyncZod<{ core: CoreDeps }> = async (app, { core }) => {
  app.addHook("onRequest", app.requireSession);

  app.post(
    "/streams",
    {
      config: { kidsProfile: "allowed", onBehalfOfViewer: true },
      schema: {
        tags,
        summary: "Start watching a title on this device, as its chosen profile",
        body: startStreamRequest,
        response: { 201: streamResponse, 409: tooManyStreamsResponse },
      },
    },
    async (request, reply) => {
      const result = await startStream(core, request.sessionInUse, request.body.titleId, requestContext(request));
      if (result.ok) {
        const { stream, heartbeatMs, expiresAt } = result.value;
        return reply.code(201).send({
          stream: { id: stream.id, titleId: stream.titleId, profileId: stream.profileId, startedAt: stream.startedAt.toISOString() },
          heartbeatMs,
          expiresAt: expiresAt.toISOString(),
        });
      }
      if (result.code === "TOO_MANY_STREAMS") {
        const body = errorBody(request, "TOO_MANY_STREAMS");
        return reply.code(409).send({ error: { ...body.error, watching: result.watching.map(publicWatching) } });
      }
      return replyFailure(reply, result);
    },
  );

  app.post(
    "/streams/:id/heartbeat",
    {
      config: { kidsProfile: "allowed", onBehalfOfViewer: true },
      schema: { tags, summary: "Still watching: keeps the screen", params: streamIdParams, response: { 200: heartbeatResponse } },
    },
    async (request, reply) => {
      const result = await heartbeatStream(core, request.session, request.params.id);
      if (!result.ok) return replyFailure(reply, result);
      return { heartbeatMs: result.value.heartbeatMs, expiresAt: result.value.expiresAt.toISOString() };
    },
  );

  app.delete(
    "/streams/:id",
    {
      config: { kidsProfile: "allowed", onBehalfOfViewer: true },
      schema: { tags, summary: "Stop watching: this device's stream, or another device's (Stop watching)", params: streamIdParams },
    },
    async (request, reply) => {
      const watchingAsKids = request.sessionInUse.profile?.isKids ?? false;
      const result = await stopStream(core, request.session, request.params.id, watchingAsKids, requestContext(request));
      return result.ok ? reply.code(204).send() : replyFailure(reply, result);
    },
  );

  app.get(
    "/streams/activity",
    {
      schema: {
        tags,
        summary: "Recent streaming activity: what the account watched in the last 30 days, newest first",
        querystring: streamingActivityQuery,
        response: { 200: streamingActivityResponse },
      },
    },
    async (request, reply) => {
      const result = await listStreamingActivity(core, request.session, request.query);
      return result.ok ? result.value : replyFailure(reply, result);
    },
  );
};

function publicWatching(live: WatchingNow) {
  return {
    device: live.device,
    profileName: live.profileName,
    title: { id: live.titleId, name: findTitle(live.titleId)?.name ?? live.titleId },
    since: live.since.toISOString(),
  };
}
