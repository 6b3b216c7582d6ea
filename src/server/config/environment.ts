// The one schema of the service's environment: every variable the README lists, each checked
// on its own (so several bad ones are reported together), then put together into the
// ServerConfig; the delivery settings, which depend on each other, are checked at that step.
// Two variables decide how others are read, so they are looked at first: DATABASE_URL
// (production mode needs SECRET_KEY) and ARGON2_ALLOW_WEAK_FOR_TESTS.
import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import { z } from "zod";
import { owaspArgon2Params } from "../../adapters/passwords/argon2-hasher";
import { days } from "../../core/clock";
import { defaultCoreConfig } from "../../core/config";
import { defaultLeaseTimings } from "../../core/session-changes/ports";
import { readDeliveryConfig } from "../delivery/delivery-config";
import { readOAuthClients } from "../oauth-clients-config";
import { readServiceClients, readWebhookEndpoints } from "../platform-services-config";
import { readSecretKey } from "../secret-key";
import { readTrustProxy } from "../trust-proxy";
import type { ServerConfig } from "./server-config";
import {
  type Field,
  flag,
  folder,
  listenHost,
  nonNegativeNumber,
  oneOf,
  port,
  positiveNumber,
  publicOrigin,
  reader,
  serviceUrl,
  text,
  variables,
  wholeNumber,
} from "./variables";

export interface ReadingRules {
  /** DATABASE_URL is set: PostgreSQL, and a SECRET_KEY of the operator's. */
  production: boolean;
  /** ARGON2_ALLOW_WEAK_FOR_TESTS=1: argon2id costs below the OWASP minimum are accepted. */
  allowWeakArgon2: boolean;
}

export function readingRules(env: NodeJS.ProcessEnv): ReadingRules {
  return { production: Boolean(env.DATABASE_URL?.trim()), allowWeakArgon2: env.ARGON2_ALLOW_WEAK_FOR_TESTS?.trim() === "1" };
}

const pinoLevels = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const atLeastOne = (fallback: number, unit = "") => wholeNumber(fallback, { min: 1, accepts: `a whole number${unit}, at least 1` });

/** More than a century is a slip of the keyboard, not a retention period (and far more is no date at all). */
const MAX_RETENTION_DAYS = 36_500;
const retentionDays = (defaultMs: number) =>
  wholeNumber(defaultMs / days(1), { min: 1, max: MAX_RETENTION_DAYS, accepts: `a whole number of days from 1 to ${MAX_RETENTION_DAYS}` });
/** A week at most: Node fires a timer of more than 24.8 days at once. */
const MAX_PURGE_INTERVAL_MINUTES = 10_080;

/** A port, or none when unset or empty (METRICS_PORT: no metrics listener); checked as PORT is. */
const optionalPort: Field<number | undefined> = (name) => {
  const given = port(0)(name);
  return z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined || raw.trim() === "") return undefined;
      const read = given.safeParse(raw);
      if (read.success) return read.data;
      for (const issue of read.error.issues) ctx.addIssue({ code: "custom", message: issue.message });
      return z.NEVER;
    });
};

/**
 * Never below the OWASP minimum: a cheaper hash is cheaper to guess too. Tests may go down to
 * what argon2 itself accepts, when they say so.
 */
function argon2Cost(owaspMinimum: number, argon2Minimum: number, allowWeak: boolean): Field<number> {
  if (allowWeak) return wholeNumber(owaspMinimum, { min: argon2Minimum, accepts: `a whole number, at least ${argon2Minimum}` });
  return wholeNumber(owaspMinimum, {
    min: owaspMinimum,
    accepts: `a whole number, at least ${owaspMinimum} (the OWASP minimum; only tests may go lower, with ARGON2_ALLOW_WEAK_FOR_TESTS=1)`,
  });
}

export function environmentSchema(rules: ReadingRules) {
  return variables({
    PORT: port(3000),
    HOST: listenHost("127.0.0.1"),
    METRICS_PORT: optionalPort,
    METRICS_HOST: listenHost("127.0.0.1"),
    PUBLIC_URL: publicOrigin(),
    DATA_DIR: folder("./data"),
    DATABASE_URL: serviceUrl(["postgres:", "postgresql:"], "a postgres:// or postgresql:// URL"),
    DATABASE_POOL_SIZE: atLeastOne(10, " of connections"),
    REDIS_URL: serviceUrl(["redis:", "rediss:"], "a redis:// or rediss:// URL"),
    SECRET_KEY: reader((raw) => readSecretKey(raw, rules.production)),
    LOG_LEVEL: oneOf(pinoLevels, "info"),
    ARGON2_MEMORY_KIB: argon2Cost(owaspArgon2Params.memoryKiB, 8, rules.allowWeakArgon2),
    ARGON2_ITERATIONS: argon2Cost(owaspArgon2Params.iterations, 1, rules.allowWeakArgon2),
    ARGON2_PARALLELISM: argon2Cost(owaspArgon2Params.parallelism, 1, rules.allowWeakArgon2),
    ARGON2_ALLOW_WEAK_FOR_TESTS: flag,
    PASSWORD_HASH_CONCURRENCY: atLeastOne(availableParallelism()),
    SESSION_IDLE_DAYS: atLeastOne(30, " of days"),
    SESSION_IDLE_DAYS_TV: atLeastOne(90, " of days"),
    SESSION_MAX_DAYS: atLeastOne(365, " of days"),
    SIGN_UPS_PER_IP_PER_HOUR: atLeastOne(defaultCoreConfig.limits.signUpPerIp.limit),
    REAUTH_WINDOW_MINUTES: positiveNumber(10, "a number of minutes above 0"),
    TRUST_PROXY: reader(readTrustProxy),
    OAUTH_CLIENTS: reader(readOAuthClients),
    SERVICE_CLIENTS: reader(readServiceClients),
    WEBHOOK_ENDPOINTS: reader(readWebhookEndpoints),
    // Delivery settings depend on each other and on the mode: readDeliveryConfig checks them.
    SMTP_URL: text,
    MAIL_FROM: text,
    SMS_PROVIDER: text,
    SMS_WEBHOOK_URL: text,
    SMS_WEBHOOK_SECRET: text,
    TWILIO_ACCOUNT_SID: text,
    TWILIO_AUTH_TOKEN: text,
    TWILIO_FROM: text,
    TWILIO_BASE_URL: text,
    OUTBOX_POLL_SECONDS: text,
    OUTBOX_LEASE_SECONDS: text,
    SHUTDOWN_DELAY_SECONDS: nonNegativeNumber(0, "a number of seconds, 0 or more"),
    SHUTDOWN_TIMEOUT_SECONDS: positiveNumber(25, "a number of seconds above 0"),
    RETENTION_SESSIONS_DAYS: retentionDays(defaultCoreConfig.retention.sessionsMs),
    RETENTION_STREAMS_DAYS: retentionDays(defaultCoreConfig.retention.streamsMs),
    RETENTION_AUDIT_DAYS: retentionDays(defaultCoreConfig.retention.auditMs),
    RETENTION_MESSAGES_DAYS: retentionDays(defaultCoreConfig.retention.messagesMs),
    RETENTION_PURGE_INTERVAL_MINUTES: wholeNumber(60, {
      min: 1,
      max: MAX_PURGE_INTERVAL_MINUTES,
      accepts: `a whole number of minutes from 1 to ${MAX_PURGE_INTERVAL_MINUTES} (a week)`,
    }),
  }).transform((env, ctx): ServerConfig => {
    if (env.SHUTDOWN_TIMEOUT_SECONDS <= env.SHUTDOWN_DELAY_SECONDS) {
      ctx.addIssue({
        code: "custom",
        message: "SHUTDOWN_TIMEOUT_SECONDS must be longer than SHUTDOWN_DELAY_SECONDS: the timeout counts from the signal, delay included.",
      });
      return z.NEVER;
    }
    const mode = rules.production ? "production" : "embedded";
    const publicUrl = env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
    let delivery: ServerConfig["delivery"];
    try {
      delivery = readDeliveryConfig(env, mode, publicUrl);
    } catch (error) {
      ctx.addIssue({ code: "custom", message: error instanceof Error ? error.message : String(error) });
      return z.NEVER;
    }
    return {
      mode,
      host: env.HOST,
      port: env.PORT,
      metrics: env.METRICS_PORT === undefined ? undefined : { host: env.METRICS_HOST, port: env.METRICS_PORT },
      publicUrl,
      dataDir: env.DATA_DIR,
      database: env.DATABASE_URL
        ? { kind: "postgres", url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE }
        : { kind: "pglite", dataDir: resolve(env.DATA_DIR, "pglite") },
      redisUrl: env.REDIS_URL,
      secretKey: env.SECRET_KEY,
      argon2: { memoryKiB: env.ARGON2_MEMORY_KIB, iterations: env.ARGON2_ITERATIONS, parallelism: env.ARGON2_PARALLELISM },
      passwordHashConcurrency: env.PASSWORD_HASH_CONCURRENCY,
      core: {
        ...defaultCoreConfig,
        sessions: {
          ...defaultCoreConfig.sessions,
          idleMs: { web: days(env.SESSION_IDLE_DAYS), mobile: days(env.SESSION_IDLE_DAYS), tv: days(env.SESSION_IDLE_DAYS_TV) },
          absoluteMs: days(env.SESSION_MAX_DAYS),
        },
        // The browser tests sign up dozens of accounts from one address; a shared office NAT may too.
        limits: {
          ...defaultCoreConfig.limits,
          signUpPerIp: { ...defaultCoreConfig.limits.signUpPerIp, limit: env.SIGN_UPS_PER_IP_PER_HOUR },
        },
        tvSignIn: { ...defaultCoreConfig.tvSignIn, clients: env.OAUTH_CLIENTS },
        services: { ...defaultCoreConfig.services, clients: env.SERVICE_CLIENTS },
        // Passkeys are bound to the site they were made on: PUBLIC_URL's host and origin.
        webAuthn: { ...defaultCoreConfig.webAuthn, rpId: new URL(publicUrl).hostname, origin: publicUrl },
        // Fractions allowed ("0.05"), so the browser tests can watch the window close.
        reauthWindowMs: Math.round(env.REAUTH_WINDOW_MINUTES * 60_000),
        retention: {
          ...defaultCoreConfig.retention,
          sessionsMs: days(env.RETENTION_SESSIONS_DAYS),
          streamsMs: days(env.RETENTION_STREAMS_DAYS),
          auditMs: days(env.RETENTION_AUDIT_DAYS),
          messagesMs: days(env.RETENTION_MESSAGES_DAYS),
        },
      },
      logLevel: env.LOG_LEVEL,
      trustProxy: env.TRUST_PROXY,
      delivery,
      webhookEndpoints: env.WEBHOOK_ENDPOINTS,
      leases: defaultLeaseTimings,
      shutdown: { delayMs: env.SHUTDOWN_DELAY_SECONDS * 1000, timeoutMs: env.SHUTDOWN_TIMEOUT_SECONDS * 1000 },
      purgeIntervalMs: env.RETENTION_PURGE_INTERVAL_MINUTES * 60_000,
    };
  });
}
