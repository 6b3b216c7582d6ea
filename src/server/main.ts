// Starts a node: configuration → database (migrated) → stores → app → listening port.
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import type { FastifyServerOptions } from "fastify";
import { createStandardWebhookSender } from "../adapters/delivery/standard-webhook-sender";
import { PrometheusMetrics } from "../adapters/metrics/prometheus-metrics";
import { createArgon2Hasher } from "../adapters/passwords/argon2-hasher";
import { MemoryRateLimiter } from "../adapters/rate-limit/memory-rate-limiter";
import { ResilientRateLimiter } from "../adapters/rate-limit/resilient-rate-limiter";
import { listeningConnections } from "../adapters/session-changes/listening-connection";
import { type ChangeNodeLog, SessionChangeNode } from "../adapters/session-changes/session-change-node";
import { systemClock } from "../core/clock";
import { createCodeFlowDelivery } from "../core/code-flows/deliver-code-flow";
import { cryptoRandom } from "../core/crypto/random";
import { createDispatcher, defaultDispatcherOptions } from "../core/delivery/dispatcher";
import { createRenderer, redactSecrets } from "../core/delivery/templates/render";
import type { CoreDeps } from "../core/deps";
import { loggableError } from "../core/loggable-error";
import { countingRefusals } from "../core/metrics/counted-limiter";
import { purgeExpiredData, removedAnything } from "../core/retention/purge";
import { defaultPurgeTimings, startPurgeSchedule } from "../core/retention/purge-schedule";
import { applyConfiguredEndpoints } from "../core/webhooks/endpoints";
import { type OpenDatabase, openDatabase } from "../store/database";
import { migrateDatabase } from "../store/migrate";
import { createStores } from "../store/stores";
import { type App, buildApp } from "./app";
import type { ServerConfig } from "./config";
import { createSenders } from "./delivery/senders";
import { isLoopbackHost } from "./http/loopback";
import { serveNodeMetrics } from "./node-metrics";
import { deriveCoreKeys, loadMasterSecret } from "./secret-key";
import { fastifyTrustProxy } from "./trust-proxy";

export interface RunningServer {
  app: App;
  /** This node's part in keeping the platform's verifiers exact. */
  sessionChanges: SessionChangeNode;
  url: string;
  /** Where Prometheus scrapes this node (METRICS_PORT); none without one. */
  metricsUrl?: string;
  database: OpenDatabase;
  /** The first step of stopping: /readyz fails from now on, so balancers stop sending requests here. */
  beginShutdown(): void;
  /**
   * Stops the node: no new connections, requests in flight finish, open event streams close
   * (the browser reconnects to another node), the outbox finishes the sends it claimed, then
   * the database and Redis connections close. Says what it closed.
   */
  close(): Promise<ClosedWork>;
}

export interface ClosedWork {
  eventStreams: number;
  verifierSubscriptions: number;
}

/** A receiver gets this long to answer; well inside the outbox lease. */
const WEBHOOK_TIMEOUT_MS = 15_000;

/** Never logged: credentials in headers and the cookies we set. */
export const logRedactions = [
  "req.headers.authorization",
  "req.headers.cookie",
  'req.headers["usher-viewer-token"]',
  'res.headers["set-cookie"]',
];

export async function startServer(config: ServerConfig, options: { logger?: FastifyServerOptions["logger"] } = {}): Promise<RunningServer> {
  const database = await openDatabase(config.database);
  await migrateDatabase(database);
  const stores = createStores(database.db);
  // Limits shared through Redis; while it is unreachable (at start too) the node counts in process.
  const redisLimits = config.redisUrl ? new ResilientRateLimiter(config.redisUrl, { fallback: new MemoryRateLimiter(systemClock) }) : null;
  // Session changes reach this node's open screens and the platform's verifiers: the node
  // listens and holds its liveness lease before it takes a subscriber, and every change waits
  // for the verifiers (src/verifier/LEASES.md). The log exists once the app does.
  let log: ChangeNodeLog | undefined;
  const sessionChanges = await SessionChangeNode.start({
    connect: listeningConnections(database),
    db: database.db,
    timings: config.leases,
    log: { warn: (details, message) => log?.warn(details, message), info: (details, message) => log?.info(details, message) },
  });

  let shuttingDown = false;
  let outboxWritten = () => {};
  // Counted only where something scrapes them (METRICS_PORT).
  const metrics = config.metrics ? new PrometheusMetrics() : undefined;
  const passwords = createArgon2Hasher(config.argon2, config.passwordHashConcurrency);
  const core: CoreDeps = {
    stores,
    clock: systemClock,
    random: cryptoRandom,
    config: config.core,
    passwords,
    limiter: countingRefusals(redisLimits ?? new MemoryRateLimiter(systemClock), config.core.limits, metrics),
    keys: deriveCoreKeys(loadMasterSecret(config)),
    outboxWritten: () => outboxWritten(),
    sessionChangesHeard: (changes) => sessionChanges.heard(changes),
    metrics,
  };
  await applyConfiguredEndpoints(core, config.webhookEndpoints);
  const app = await buildApp({
    core,
    allowedOrigins: [config.publicUrl],
    production: config.mode === "production",
    webRoot: fileURLToPath(new URL("../../dist/web", import.meta.url)),
    devMailbox: devMailboxServed(config),
    checkDatabase: async () => void (await database.db.execute(sql`select 1`)),
    redis: redisLimits ?? undefined,
    readiness: { hearsSessionChanges: () => sessionChanges.hub.accepting, shuttingDown: () => shuttingDown },
    logger: options.logger ?? { level: config.logLevel, redact: logRedactions },
    trustProxy: fastifyTrustProxy(config.trustProxy),
    signals: sessionChanges,
    sessionChanges: { hub: sessionChanges.hub, timings: config.leases },
    publicUrl: config.publicUrl,
    requestMetrics: metrics,
  });
  log = app.log;
  redisLimits?.start(app.log);
  // Delivery: the dispatcher sends what every commit wrote to the outbox, and polls for
  // retries, expired leases and messages other nodes wrote. It stops before the database closes.
  const senders = createSenders(config.delivery, systemClock, (line) => app.log.info({ devOutbox: true }, line));
  const dispatcher = createDispatcher(
    {
      stores,
      clock: systemClock,
      senders,
      render: createRenderer({ publicUrl: config.publicUrl }),
      resolve: createCodeFlowDelivery(core),
      webhooks: { stores, clock: systemClock, keys: core.keys, sender: createStandardWebhookSender({ timeoutMs: WEBHOOK_TIMEOUT_MS }) },
      // Codes and link tokens rest in the outbox only until sent; the dev mailbox (embedded) still shows them.
      ...(config.mode === "production" ? { redact: redactSecrets } : {}),
      onFailure: (failure) => {
        metrics?.deliveryFailed(failure.channel, failure.final);
        app.log.warn(failure, failure.final ? "message delivery failed for good" : "message delivery failed; will retry");
      },
      onError: (error) => app.log.warn({ failure: loggableError(error) }, "outbox could not be read"),
    },
    { ...defaultDispatcherOptions, leaseMs: config.delivery.leaseMs },
  );
  outboxWritten = dispatcher.wake;
  app.addHook("onClose", async () => {
    await dispatcher.stop();
    senders.close();
  });
  dispatcher.start(config.delivery.pollMs);
  // Retention: every node tries; one at a time purges. Stopped before the database closes.
  const purges = startPurgeSchedule(() => purgeExpiredData(core), {
    ...defaultPurgeTimings,
    intervalMs: config.purgeIntervalMs,
    onPurged: (outcome) => {
      if (outcome.purged && removedAnything(outcome.removed))
        app.log.info({ removed: outcome.removed }, "retention purge removed what its periods no longer keep");
    },
    onError: (error) => app.log.warn({ failure: loggableError(error) }, "retention purge failed; the next round tries again"),
  });
  app.addHook("onClose", () => purges.stop());

  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const url =
    config.host === "127.0.0.1" || config.host === "0.0.0.0" || config.host === "::"
      ? `http://localhost:${port}`
      : `http://${config.host}:${port}`;
  const metricsListener =
    metrics && config.metrics
      ? await serveNodeMetrics(metrics, { app, core, hub: sessionChanges.hub, passwords, database }, config.metrics)
      : undefined;
  return {
    app,
    sessionChanges,
    url,
    metricsUrl: metricsListener?.url,
    database,
    beginShutdown() {
      shuttingDown = true;
    },
    async close() {
      shuttingDown = true;
      const closed = { eventStreams: app.liveSessions.size, verifierSubscriptions: sessionChanges.hub.subscriberCount };
      await app.close();
      // Scraped until the node stops serving; before the database its gauges read closes.
      await metricsListener?.close();
      await sessionChanges.close();
      await database.close();
      await redisLimits?.close();
      return closed;
    },
  };
}

/**
 * The dev mailbox holds every reset link, so it exists only where nobody else can reach it:
 * embedded mode, listening on this machine's loopback address.
 */
export function devMailboxServed(config: Pick<ServerConfig, "mode" | "host">): boolean {
  return config.mode === "embedded" && isLoopbackHost(config.host);
}
