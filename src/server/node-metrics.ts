// Puts one node's metrics together: the gauges read on scrape, from the parts of the running
// node they describe, and the listener Prometheus scrapes them from.
import type { NodeGaugeSources } from "../adapters/metrics/node-gauges";
import { registerNodeGauges } from "../adapters/metrics/node-gauges";
import type { PrometheusMetrics } from "../adapters/metrics/prometheus-metrics";
import type { Argon2Hasher } from "../adapters/passwords/argon2-hasher";
import type { CoreDeps } from "../core/deps";
import { loggableError } from "../core/loggable-error";
import type { SubscriberHub } from "../core/session-changes/subscriber-hub";
import { liveSince } from "../core/streams/streams";
import type { OpenDatabase } from "../store/database";
import { countLiveStreams, readOutboxBacklog } from "../store/metrics-readings";
import type { App } from "./app";
import { listenForScrapes, type MetricsListener } from "./metrics-listener";

export interface MeasuredNode {
  app: App;
  core: CoreDeps;
  hub: SubscriberHub;
  passwords: Argon2Hasher;
  database: OpenDatabase;
}

export async function serveNodeMetrics(
  metrics: PrometheusMetrics,
  node: MeasuredNode,
  where: { host: string; port: number },
): Promise<MetricsListener> {
  const { app, core, hub, passwords, database } = node;
  const sources: NodeGaugeSources = {
    eventStreams: () => app.liveSessions.size,
    verifierSubscribers: () => hub.subscriberCount,
    passwordHashesWaiting: () => passwords.waiting,
    databaseConnections: database.connections,
    outboxBacklog: () => readOutboxBacklog(database.db),
    liveStreams: () => countLiveStreams(database.db, liveSince(core)),
    now: () => core.clock.now(),
  };
  registerNodeGauges(metrics.registry, sources, app.log);
  return listenForScrapes(metrics.registry, where, (error) =>
    app.log.warn({ failure: loggableError(error) }, "metrics could not be collected for a scrape"),
  );
}
