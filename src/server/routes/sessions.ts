// The devices signed in to this account, and signing all of them out.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { sessionListResponse, signOutAllResponse } from "../../contract/schemas/sessions";
import type { CoreDeps } from "../../core/deps";
import { listSessions } from "../../core/sessions/list-sessions";
import { signOutAllDevices } from "../../core/sessions/sign-out";
import { requestContext } from "../http/client";
import { clearSessionCookie } from "../http/cookies";

export const sessionRoutes: FastifyPluginAsyncZod<{ core: CoreDeps }> = async (app, { core }) => {
  app.addHook("onRequest", app.requireSession);

  app.get("/sessions", { schema: { response: { 200: sessionListResponse } } }, async (request) => {
    return { sessions: await listSessions(core, request.session) };
  });

  app.post("/sessions/sign-out-all", { schema: { response: { 200: signOutAllResponse } } }, async (request, reply) => {
    const signedOutDevices = await signOutAllDevices(core, request.session, requestContext(request));
    if (request.sessionCarrier === "cookie") clearSessionCookie(reply);
    return { signedOutDevices };
  });
};
