// Gauges read when Prometheus scrapes: what this node holds (open event streams, verifier
// subscribers, password hashes waiting for a core, database connections) and what the shared
// database holds (the outbox's backlog, streams being watched). A scrape never fails because
// the database is away: those gauges keep their last value, and the outage is logged once.
import { Gauge, type Registry } from "prom-client";
import { loggableError } from "../../core/loggable-error";
import type { PoolConnections } from "../../store/database";
import type { OutboxBacklog } from "../../store/metrics-readings";

export interface NodeGaugeSources {
  eventStreams(): number;
  verifierSubscribers(): number;
  passwordHashesWaiting(): number;
  /** PostgreSQL's pool; absent on PGlite. */
  databaseConnections?: (() => PoolConnections) | undefined;
  outboxBacklog(): Promise<OutboxBacklog>;
  liveStreams(): Promise<number>;
  now(): Date;
}

export interface GaugeLog {
  warn(details: object, message: string): void;
}

/** A scrape waits no longer than this for the database; Prometheus' own timeout is 10 s by default. */
const DATABASE_READ_TIMEOUT_MS = 2_000;

export function registerNodeGauges(registry: Registry, sources: NodeGaugeSources, log: GaugeLog): void {
  const registers = [registry];
  const fromDatabase = databaseReadings(log);
  const backlog = fromDatabase(sources.outboxBacklog);
  const liveStreams = fromDatabase(sources.liveStreams);

  new Gauge({
    name: "usher_event_streams_open",
    help: "Session event streams (open screens) held open by this node.",
    registers,
    collect() {
      this.set(sources.eventStreams());
    },
  });
  new Gauge({
    name: "usher_verifier_subscribers",
    help: "Platform services' verifiers subscribed to this node's session changes.",
    registers,
    collect() {
      this.set(sources.verifierSubscribers());
    },
  });
  new Gauge({
    name: "usher_password_hashes_waiting",
    help: "Password hashes waiting for a free slot on this node (PASSWORD_HASH_CONCURRENCY run at once).",
    registers,
    collect() {
      this.set(sources.passwordHashesWaiting());
    },
  });
  const connections = sources.databaseConnections;
  if (connections) {
    new Gauge({
      name: "usher_db_pool_connections",
      help: "This node's PostgreSQL connections, busy or idle (their sum is the pool's size now).",
      labelNames: ["state"] as const,
      registers,
      collect() {
        const { total, idle } = connections();
        this.set({ state: "busy" }, total - idle);
        this.set({ state: "idle" }, idle);
      },
    });
    new Gauge({
      name: "usher_db_pool_waiting",
      help: "Queries on this node waiting for a PostgreSQL connection.",
      registers,
      collect() {
        this.set(connections().waiting);
      },
    });
  }
  new Gauge({
    name: "usher_outbox_pending",
    help: "Messages in the outbox neither sent nor given up on (all nodes share it).",
    registers,
    async collect() {
      const read = await backlog();
      if (read) this.set(read.pending);
    },
  });
  new Gauge({
    name: "usher_outbox_oldest_pending_age_seconds",
    help: "How long the oldest pending outbox message has waited; 0 when none waits (all nodes share it).",
    registers,
    async collect() {
      const read = await backlog();
      if (read) this.set(read.oldestCreatedAt ? Math.max(0, (sources.now().getTime() - read.oldestCreatedAt.getTime()) / 1000) : 0);
    },
  });
  new Gauge({
    name: "usher_streams_live",
    help: "Streams being watched: not ended, and heartbeating (all nodes share them).",
    registers,
    async collect() {
      const read = await liveStreams();
      if (read !== undefined) this.set(read);
    },
  });
}

/**
 * Wraps a database read for scrapes: gauges reading the same thing in one scrape share one
 * query, a read that fails or takes too long answers undefined (the gauge keeps its last
 * value), and an outage is logged when it starts rather than at every scrape.
 */
function databaseReadings(log: GaugeLog) {
  let failing = false;
  return <T>(read: () => Promise<T>): (() => Promise<T | undefined>) => {
    let inFlight: Promise<T | undefined> | undefined;
    const attempt = async (): Promise<T | undefined> => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${DATABASE_READ_TIMEOUT_MS} ms`)), DATABASE_READ_TIMEOUT_MS);
      });
      try {
        const value = await Promise.race([read(), timeout]);
        failing = false;
        return value;
      } catch (error) {
        if (!failing) log.warn({ failure: loggableError(error) }, "metrics could not read the database; its gauges keep their last value");
        failing = true;
        return undefined;
      } finally {
        clearTimeout(timer);
      }
    };
    return () => {
      inFlight ??= attempt().finally(() => {
        inFlight = undefined;
      });
      return inFlight;
    };
  };
}
