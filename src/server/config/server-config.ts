// What the server runs with, read from the environment by config/environment.ts.
import type { Argon2Params } from "../../adapters/passwords/argon2-hasher";
import type { CoreConfig } from "../../core/config";
import type { LeaseTimings } from "../../core/session-changes/ports";
import type { DatabaseTarget } from "../../store/database";
import type { DeliveryConfig } from "../delivery/delivery-config";
import type { ConfiguredWebhookEndpoint } from "../platform-services-config";
import type { TrustProxy } from "../trust-proxy";

export interface ServerConfig {
  /** embedded: PGlite under DATA_DIR, dev outbox. production: PostgreSQL, HSTS, real delivery. */
  mode: "embedded" | "production";
  host: string;
  port: number;
  /** Where Prometheus scrapes GET /metrics, apart from the app's port; none without METRICS_PORT. */
  metrics: { host: string; port: number } | undefined;
  publicUrl: string;
  dataDir: string;
  database: DatabaseTarget;
  redisUrl: string | undefined;
  /** Master secret (base64, 32+ bytes); embedded mode generates one into DATA_DIR. */
  secretKey: string | undefined;
  argon2: Argon2Params;
  /** Password hashes computed at once; more wait their turn (default: one per core). */
  passwordHashConcurrency: number;
  /** The domain's tunables: session lifetimes from the environment, the rest as shipped. */
  core: CoreConfig;
  logLevel: string;
  /** Which proxies in front may name the client (X-Forwarded-For): none, a hop count, or their addresses. */
  trustProxy: TrustProxy;
  /** How email and text messages leave this node (SMTP, SMS provider, dev outbox). */
  delivery: DeliveryConfig;
  /** Webhook endpoints named in WEBHOOK_ENDPOINTS, written to the database at start. */
  webhookEndpoints: ConfiguredWebhookEndpoint[];
  /** The leases that keep the platform's verifiers exact (src/verifier/LEASES.md). */
  leases: LeaseTimings;
  /**
   * On SIGTERM or SIGINT: readiness fails, then `delayMs` for the balancer to notice, then the
   * node drains; it exits within `timeoutMs` of the signal (the delay included).
   */
  shutdown: { delayMs: number; timeoutMs: number };
  /** How often this node tries the retention purge (one node at a time does it; core.retention says what it keeps). */
  purgeIntervalMs: number;
}
