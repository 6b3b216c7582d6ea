// Usher's counters in Prometheus' text format (prom-client): what the domain counts (sign-ins,
// refusals, ended sessions), what the HTTP app and the outbox count, and the process's own
// metrics. Each node has its own registry, never prom-client's global one: tests run several
// nodes in one process. Gauges read on scrape are added by node-gauges.ts.
import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";
import type { SecurityMetrics, SignInMethod } from "../../core/metrics/ports";
import type { RevokedReason } from "../../core/sessions/ports";

export class PrometheusMetrics implements SecurityMetrics {
  readonly registry = new Registry();

  readonly #requests = new Counter({
    name: "usher_http_requests_total",
    help: "HTTP requests answered, by route pattern, method and status.",
    labelNames: ["route", "method", "status"] as const,
    registers: [this.registry],
  });
  readonly #requestSeconds = new Histogram({
    name: "usher_http_request_duration_seconds",
    help: "Time from receiving an HTTP request to answering it, by route pattern, method and status.",
    labelNames: ["route", "method", "status"] as const,
    registers: [this.registry],
  });
  readonly #signIns = new Counter({
    name: "usher_sign_ins_total",
    help: "Sign-in attempts answered, by method and outcome.",
    labelNames: ["method", "outcome"] as const,
    registers: [this.registry],
  });
  readonly #throttled = new Counter({
    name: "usher_throttled_total",
    help: "Attempts a rate limit refused, by the limit's name; an attempt two limits refuse counts under each.",
    labelNames: ["limit"] as const,
    registers: [this.registry],
  });
  readonly #sessionsEnded = new Counter({
    name: "usher_sessions_ended_total",
    help: "Sessions revoked, by reason.",
    labelNames: ["reason"] as const,
    registers: [this.registry],
  });
  readonly #deliveryRetries = new Counter({
    name: "usher_outbox_retries_total",
    help: "Failed sends that will be tried again, by channel (email, sms, webhook).",
    labelNames: ["channel"] as const,
    registers: [this.registry],
  });
  readonly #deliveryFailures = new Counter({
    name: "usher_outbox_failures_total",
    help: "Messages given up on for good, by channel (email, sms, webhook).",
    labelNames: ["channel"] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: "usher_" });
  }

  signInAnswered(method: SignInMethod, outcome: string): void {
    this.#signIns.inc({ method, outcome });
  }

  throttled(limit: string): void {
    this.#throttled.inc({ limit });
  }

  sessionsEnded(reason: RevokedReason, count: number): void {
    this.#sessionsEnded.inc({ reason }, count);
  }

  /** `route` is the pattern that matched (never the URL, which carries ids and codes). */
  requestAnswered(route: string, method: string, status: number, seconds: number): void {
    const labels = { route, method, status: String(status) };
    this.#requests.inc(labels);
    this.#requestSeconds.observe(labels, seconds);
  }

  /** A failed send: `final` when the message will not be tried again. */
  deliveryFailed(channel: string, final: boolean): void {
    (final ? this.#deliveryFailures : this.#deliveryRetries).inc({ channel });
  }
}
