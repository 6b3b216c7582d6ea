// The devices signed in to this account, and signing all of them out.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { text } from "../../contract/schemas/common";
import { sessionListResponse, signedOutDevicesResponse, signedOutOtherDevicesResponse } from "../../contract/schemas/sessions";
import type { CoreDeps } from "../../core/deps";
import { listSessions } from "../../core/sessions/list-sessions";
import { signOutAllDevices, signOutDevice, signOutOtherDevices } from "../../core/sessions/sign-out";
import { requestContext } from "../http/client";
import { clearSessionCookie } from "../http/cookies";
import { replyFailure } from "../http/reply-failure";

const sessionParams = z.strictObject({ id: text().regex(/^[A-Za-z0-9_-]{22}$/, "Not a session id.") });

export const sessionRoutes: FastifyPluginAsyncZod<{ core: CoreDeps }> = async (app, { core }) => {
  app.addHook("onRequest", app.requireSession);

  app.get("/sessions", { schema: { response: { 200: sessionListResponse } } }, async (request) => {
    return { sessions: await listSessions(core, request.session) };
  });

  app.post("/sessions/sign-out-all", { schema: { response: { 200: signedOutDevicesResponse } } }, async (request, reply) => {
    const result = await signOutAllDevices(core, request.session, requestContext(request));
    if (!result.ok) return replyFailure(reply, result);
    if (request.sessionCarrier === "cookie") clearSessionCookie(reply);
    return { signedOutDevices: result.value };
  });

  app.post("/sessions/sign-out-others", { schema: { response: { 200: signedOutOtherDevicesResponse } } }, async (request, reply) => {
    const result = await signOutOtherDevices(core, request.session, requestContext(request));
    if (!result.ok) return replyFailure(reply, result);
    return { signedOutOtherDevices: result.value };
  });

  app.delete("/sessions/:id", { schema: { params: sessionParams } }, async (request, reply) => {
    const result = await signOutDevice(core, request.session, request.params.id, requestContext(request));
    if (!result.ok) return replyFailure(reply, result);
    if (result.value.wasThisDevice && request.sessionCarrier === "cookie") clearSessionCookie(reply);
    return reply.code(204).send();
  });
};
