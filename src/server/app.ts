// Builds the HTTP app from its dependencies: plugins, then routes, then the error mapper.
// Nothing here opens a database or a port; main.ts and the tests do that.
import cookie from "@fastify/cookie";
import websocket from "@fastify/websocket";
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { InProcessRevocationSignals } from "../adapters/revocation/in-process-revocation-signals";
import { createRenderer } from "../core/delivery/templates/render";
import type { CoreDeps } from "../core/deps";
import type { LeaseTimings } from "../core/session-changes/ports";
import type { SubscriberHub } from "../core/session-changes/subscriber-hub";
import { LiveSessions } from "../core/sessions/live-sessions";
import type { RevocationSignals } from "../core/sessions/revocation-signals";
import { withMaskedCodes } from "./http/log-serializers";
import { answerWithRequestId, requestIdOf } from "./http/request-id";
import { frameworkErrors, registerErrorMapper, registerNotFound } from "./plugins/error-mapper";
import { registerOpenApi } from "./plugins/openapi";
import { originCheck } from "./plugins/origin-check";
import { type RequestMetrics, requestMetrics } from "./plugins/request-metrics";
import { securityHeaders } from "./plugins/security-headers";
import { sessionAuth } from "./plugins/session-auth";
import { accountRoutes } from "./routes/account";
import { accountActivityRoutes } from "./routes/account-activity";
import { accountDataRoutes } from "./routes/account-data";
import { authRoutes } from "./routes/auth";
import { devMailboxRoutes } from "./routes/dev-mailbox";
import { onlyFromThisMachine } from "./routes/dev-mailbox-guard";
import { devMailboxPages } from "./routes/dev-mailbox-page";
import { healthRoutes, type Readiness } from "./routes/health";
// TV sign-in
import { oauthRoutes } from "./routes/oauth";
import { parentalControlsRoutes } from "./routes/parental-controls";
// Re-authentication, two-step verification, passkeys, profile lock
import { passkeyRoutes } from "./routes/passkeys";
import { phoneRoutes } from "./routes/phone";
import { profileLockRoutes } from "./routes/profile-lock";
import { profileRoutes } from "./routes/profiles";
import { reauthRoutes } from "./routes/reauth";
// Recovery, verification, account activity
import { recoveryRoutes } from "./routes/recovery";
import { sessionChangeSubscriptionRoutes } from "./routes/session-change-subscriptions";
import { sessionEventRoutes } from "./routes/session-events";
import { sessionRoutes } from "./routes/sessions";
import { signInCodeRoutes } from "./routes/sign-in-code";
import { streamRoutes } from "./routes/streams";
import { titleRoutes } from "./routes/titles";
import { tvCodeRoutes } from "./routes/tv-codes";
import { twoStepRoutes } from "./routes/two-step";
import { twoStepSignInRoutes } from "./routes/two-step-sign-in";
import { registerWebApp } from "./routes/web-app";

export const BODY_LIMIT_BYTES = 16 * 1024;

export interface AppOptions {
  core: CoreDeps;
  /** Origins the web app is served from; unsafe cookie requests must come from one of them. */
  allowedOrigins: readonly string[];
  production: boolean;
  /** The built web app (dist/web); served when it exists. */
  webRoot?: string;
  /**
   * Embedded mode on a loopback address: the dev outbox's messages at /dev/mailbox. It holds
   * every reset link, so it answers only requests whose socket comes from this machine.
   */
  devMailbox?: boolean;
  /** Checked by /healthz. */
  checkDatabase(): Promise<void>;
  /** When rate limits are shared through Redis: /healthz and /readyz say whether it is reachable. */
  redis?: { readonly reachable: boolean };
  /** What /readyz asks besides the database: is session-change listening up, has shutdown begun (always ready without). */
  readiness?: Readiness;
  /**
   * Where this node hears which accounts' sessions changed (the session-change node). Without
   * one, the app hears nothing: fine for tests that open no event stream.
   */
  signals?: RevocationSignals;
  /** The platform's verifiers subscribe to this node's hub for session changes (none: not offered). */
  sessionChanges?: { hub: SubscriberHub; timings: LeaseTimings };
  /** Between keep-alive comments on the session event streams (default 25 s). */
  eventStreamHeartbeatMs?: number;
  logger?: FastifyServerOptions["logger"];
  trustProxy?: FastifyServerOptions["trustProxy"];
  /** TV sign-in: the origin named in OAuth metadata and verification links (default: the first allowed origin). */
  publicUrl?: string;
  /** Counts every answered request by route (the metrics listener serves them); none: not counted. */
  requestMetrics?: RequestMetrics;
}

export type App = FastifyInstance;

declare module "fastify" {
  interface FastifyInstance {
    /** The open screens (session event streams) of this node. */
    liveSessions: LiveSessions;
  }
}

export async function buildApp(options: AppOptions): Promise<App> {
  const app = Fastify({
    // URLs can carry TV sign-in codes; they are masked in the log.
    logger: withMaskedCodes(options.logger ?? false),
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: options.trustProxy ?? false,
    // Fastify would take X-Request-Id unchecked: requestIdOf keeps it only when it is a plain token.
    requestIdHeader: false,
    genReqId: requestIdOf,
    frameworkErrors,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // JSON only: a text/plain body is refused with 415 rather than half-understood.
  app.removeContentTypeParser("text/plain");
  // First of all hooks, so that even an answer a later hook gives carries the id.
  app.addHook("onRequest", answerWithRequestId);

  registerErrorMapper(app);
  if (options.requestMetrics) await app.register(requestMetrics, { metrics: options.requestMetrics });
  await app.register(cookie);
  // Before every route, so that an upgrade request to any other route is refused. Frames are
  // tiny protocol messages: anything bigger is not one.
  await app.register(websocket, { options: { maxPayload: 1_024 } });
  await app.register(securityHeaders, { production: options.production });
  await app.register(originCheck, { allowedOrigins: options.allowedOrigins });
  await app.register(sessionAuth, { core: options.core });

  const liveSessions = new LiveSessions(options.core, options.signals ?? new InProcessRevocationSignals(), (error) =>
    app.log.warn({ error: error instanceof Error ? error.name : "unknown" }, "an open screen's session could not be re-checked"),
  );
  app.decorate("liveSessions", liveSessions);
  app.addHook("onClose", async () => liveSessions.close());

  // Collects every route registered after it into the OpenAPI document.
  await registerOpenApi(app, { publicUrl: options.publicUrl ?? options.allowedOrigins[0]! });
  await app.register(healthRoutes, { checkDatabase: options.checkDatabase, redis: options.redis, readiness: options.readiness });
  await app.register(
    async (api) => {
      await api.register(authRoutes, { core: options.core });
      await api.register(signInCodeRoutes, { core: options.core });
      await api.register(accountRoutes, { core: options.core });
      await api.register(accountDataRoutes, { core: options.core });
      await api.register(phoneRoutes, { core: options.core });
      await api.register(profileRoutes, { core: options.core });
      await api.register(titleRoutes, { core: options.core });
      await api.register(streamRoutes, { core: options.core });
      await api.register(sessionRoutes, { core: options.core });
      await api.register(sessionEventRoutes, { liveSessions, heartbeatMs: options.eventStreamHeartbeatMs ?? 25_000 });
      // TV sign-in
      await api.register(tvCodeRoutes, { core: options.core });
      await api.register(reauthRoutes, { core: options.core });
      await api.register(twoStepSignInRoutes, { core: options.core });
      await api.register(twoStepRoutes, { core: options.core });
      await api.register(passkeyRoutes, { core: options.core });
      await api.register(profileLockRoutes, { core: options.core });
      await api.register(parentalControlsRoutes, { core: options.core });
      await api.register(recoveryRoutes, { core: options.core });
      await api.register(accountActivityRoutes, { core: options.core });
    },
    { prefix: "/api/v1" },
  );
  // TV sign-in: OAuth endpoints outside /api/v1
  await app.register(oauthRoutes, { core: options.core, publicUrl: options.publicUrl ?? options.allowedOrigins[0]! });
  if (options.sessionChanges) await app.register(sessionChangeSubscriptionRoutes, { core: options.core, ...options.sessionChanges });
  if (options.devMailbox) {
    const render = createRenderer({ publicUrl: options.allowedOrigins[0] ?? "" });
    await app.register(async (mailbox) => {
      mailbox.addHook("onRequest", onlyFromThisMachine);
      await mailbox.register(devMailboxRoutes, { core: options.core, render });
      await mailbox.register(devMailboxPages, { core: options.core, render });
    });
  }
  registerNotFound(
    app,
    options.webRoot ? await registerWebApp(app, options.webRoot, options.publicUrl ?? options.allowedOrigins[0]) : undefined,
  );
  return app;
}
