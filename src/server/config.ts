// Reads the service's configuration from the environment. Every variable is listed in the
// README; anything malformed stops the start with a message that names it.
import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import type { DatabaseTarget } from "../store/database";
import { days } from "../core/clock";
import { defaultCoreConfig, type CoreConfig } from "../core/config";
import { owaspArgon2Params, type Argon2Params } from "../core/passwords/argon2-hasher";
import { readOAuthClients } from "./oauth-clients-config";
import { readTrustProxy, type TrustProxy } from "./trust-proxy";
import { readDeliveryConfig, type DeliveryConfig } from "./delivery/delivery-config";

export interface ServerConfig {
  /** embedded: PGlite under DATA_DIR, dev outbox. production: PostgreSQL, HSTS, real delivery. */
  mode: "embedded" | "production";
  host: string;
  port: number;
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
  /** Issue 6: how email and text messages leave this node (SMTP, SMS provider, dev outbox). */
  delivery: DeliveryConfig;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = integer(env, "PORT", 3000);
  const host = env.HOST ?? "127.0.0.1";
  const dataDir = resolve(env.DATA_DIR ?? "./data");
  const databaseUrl = env.DATABASE_URL;
  const publicUrl = new URL(env.PUBLIC_URL ?? `http://localhost:${port}`).origin;
  const mode = databaseUrl ? "production" : "embedded";
  return {
    mode,
    host,
    port,
    publicUrl,
    dataDir,
    database: databaseUrl
      ? { kind: "postgres", url: databaseUrl, poolSize: integer(env, "DATABASE_POOL_SIZE", 10) }
      : { kind: "pglite", dataDir: resolve(dataDir, "pglite") },
    redisUrl: env.REDIS_URL || undefined,
    secretKey: env.SECRET_KEY || undefined,
    argon2: {
      memoryKiB: integer(env, "ARGON2_MEMORY_KIB", owaspArgon2Params.memoryKiB),
      iterations: integer(env, "ARGON2_ITERATIONS", owaspArgon2Params.iterations),
      parallelism: integer(env, "ARGON2_PARALLELISM", owaspArgon2Params.parallelism),
    },
    passwordHashConcurrency: atLeastOne(env, "PASSWORD_HASH_CONCURRENCY", availableParallelism()),
    core: {
      ...defaultCoreConfig,
      sessions: {
        ...defaultCoreConfig.sessions,
        idleMs: {
          web: days(integer(env, "SESSION_IDLE_DAYS", 30)),
          mobile: days(integer(env, "SESSION_IDLE_DAYS", 30)),
          tv: days(integer(env, "SESSION_IDLE_DAYS_TV", 90)),
        },
        absoluteMs: days(integer(env, "SESSION_MAX_DAYS", 365)),
      },
      // The browser tests sign up dozens of accounts from one address; a shared office NAT may too.
      limits: {
        ...defaultCoreConfig.limits,
        signUpPerIp: { ...defaultCoreConfig.limits.signUpPerIp, limit: atLeastOne(env, "SIGN_UPS_PER_IP_PER_HOUR", defaultCoreConfig.limits.signUpPerIp.limit) },
      },
      // TV sign-in (issue 7)
      tvSignIn: { ...defaultCoreConfig.tvSignIn, clients: readOAuthClients(env.OAUTH_CLIENTS) },
      // Passkeys are bound to the site they were made on: PUBLIC_URL's host and origin.
      webAuthn: { ...defaultCoreConfig.webAuthn, rpId: new URL(publicUrl).hostname, origin: publicUrl },
      // Fractions allowed ("0.05"), so the browser tests can watch the window close.
      reauthWindowMs: Math.round(positive(env, "REAUTH_WINDOW_MINUTES", 10) * 60_000),
    },
    logLevel: env.LOG_LEVEL ?? "info",
    trustProxy: readTrustProxy(env.TRUST_PROXY),
    delivery: readDeliveryConfig(env, mode, publicUrl),
  };
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, not "${raw}".`);
  return value;
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a number of minutes above 0, not "${raw}".`);
  return value;
}

function atLeastOne(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = integer(env, name, fallback);
  if (value < 1) throw new Error(`${name} must be at least 1, not "${env[name]}".`);
  return value;
}
