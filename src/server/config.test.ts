import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { days } from "../core/clock";
import { ConfigError, readConfig } from "./config";

const secretKey = Buffer.alloc(32, 7).toString("base64");
const production = {
  DATABASE_URL: "postgres://db.example/usher",
  SECRET_KEY: secretKey,
  SMTP_URL: "smtps://mail.example",
  SMS_PROVIDER: "webhook",
  SMS_WEBHOOK_URL: "https://sms.example/send",
  SMS_WEBHOOK_SECRET: "webhook-secret",
};

/** The lines a refused environment prints, one per bad variable; none for a good one. */
function problems(env: NodeJS.ProcessEnv): string[] {
  try {
    readConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

const scratch = mkdtempSync(join(tmpdir(), "usher-config-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("configuration", () => {
  it("ships 30-day idle sessions (90 for TVs) that end after a year at most", () => {
    const { core, mode } = readConfig({});
    expect(mode).toBe("embedded");
    expect(core.sessions.idleMs).toEqual({ web: days(30), mobile: days(30), tv: days(90) });
    expect(core.sessions.absoluteMs).toBe(days(365));
  });

  it("takes session lifetimes from the environment", () => {
    const { core } = readConfig({ SESSION_IDLE_DAYS: "7", SESSION_IDLE_DAYS_TV: "14", SESSION_MAX_DAYS: "60" });
    expect(core.sessions.idleMs).toEqual({ web: days(7), mobile: days(7), tv: days(14) });
    expect(core.sessions.absoluteMs).toBe(days(60));
  });

  it("refuses session lifetimes that are not whole days, or none", () => {
    expect(problems({ SESSION_MAX_DAYS: "a year" })).toEqual([
      'SESSION_MAX_DAYS must be a whole number of days, at least 1, not "a year".',
    ]);
    expect(problems({ SESSION_IDLE_DAYS: "0" })).toEqual(['SESSION_IDLE_DAYS must be a whole number of days, at least 1, not "0".']);
    expect(problems({ SESSION_IDLE_DAYS_TV: "1.5" })).toEqual([
      'SESSION_IDLE_DAYS_TV must be a whole number of days, at least 1, not "1.5".',
    ]);
  });

  it("keeps ended sessions 30 days, ended streams 90, audit events 400 and messages 7, and tries a purge hourly, unless told otherwise", () => {
    const defaults = readConfig({});
    expect(defaults.core.retention).toMatchObject({ sessionsMs: days(30), streamsMs: days(90), auditMs: days(400), messagesMs: days(7) });
    expect(defaults.purgeIntervalMs).toBe(60 * 60_000);
    const changed = readConfig({
      RETENTION_SESSIONS_DAYS: "1",
      RETENTION_STREAMS_DAYS: "180",
      RETENTION_AUDIT_DAYS: "36500",
      RETENTION_MESSAGES_DAYS: "2",
      RETENTION_PURGE_INTERVAL_MINUTES: "10080",
    });
    expect(changed.core.retention).toMatchObject({ sessionsMs: days(1), streamsMs: days(180), auditMs: days(36_500), messagesMs: days(2) });
    expect(changed.purgeIntervalMs).toBe(7 * 24 * 60 * 60_000);
  });

  it("refuses retention periods that are not whole days from 1 to 36500, and purge intervals beyond a week", () => {
    expect(
      problems({
        RETENTION_SESSIONS_DAYS: "0",
        RETENTION_STREAMS_DAYS: "1.5",
        RETENTION_AUDIT_DAYS: "36501",
        RETENTION_MESSAGES_DAYS: "a week",
      }),
    ).toEqual([
      'RETENTION_SESSIONS_DAYS must be a whole number of days from 1 to 36500, not "0".',
      'RETENTION_STREAMS_DAYS must be a whole number of days from 1 to 36500, not "1.5".',
      'RETENTION_AUDIT_DAYS must be a whole number of days from 1 to 36500, not "36501".',
      'RETENTION_MESSAGES_DAYS must be a whole number of days from 1 to 36500, not "a week".',
    ]);
    expect(problems({ RETENTION_AUDIT_DAYS: "-30" })).toEqual([
      'RETENTION_AUDIT_DAYS must be a whole number of days from 1 to 36500, not "-30".',
    ]);
    expect(problems({ RETENTION_AUDIT_DAYS: "99999999999999999999" })).toEqual([
      'RETENTION_AUDIT_DAYS must be a whole number of days from 1 to 36500, not "99999999999999999999".',
    ]);
    expect(problems({ RETENTION_PURGE_INTERVAL_MINUTES: "0" })).toEqual([
      'RETENTION_PURGE_INTERVAL_MINUTES must be a whole number of minutes from 1 to 10080 (a week), not "0".',
    ]);
    expect(problems({ RETENTION_PURGE_INTERVAL_MINUTES: "43200" })).toEqual([
      'RETENTION_PURGE_INTERVAL_MINUTES must be a whole number of minutes from 1 to 10080 (a week), not "43200".',
    ]);
  });

  it("asks for re-authentication after 10 minutes unless told otherwise, fractions of a minute included", () => {
    expect(readConfig({}).core.reauthWindowMs).toBe(10 * 60_000);
    expect(readConfig({ REAUTH_WINDOW_MINUTES: "5" }).core.reauthWindowMs).toBe(5 * 60_000);
    expect(readConfig({ REAUTH_WINDOW_MINUTES: "0.05" }).core.reauthWindowMs).toBe(3_000);
    expect(problems({ REAUTH_WINDOW_MINUTES: "0" })).toEqual(['REAUTH_WINDOW_MINUTES must be a number of minutes above 0, not "0".']);
    expect(problems({ REAUTH_WINDOW_MINUTES: "soon" })).toEqual(['REAUTH_WINDOW_MINUTES must be a number of minutes above 0, not "soon".']);
  });

  it("allows 20 sign-ups an hour per IP address unless told otherwise", () => {
    expect(readConfig({}).core.limits.signUpPerIp).toEqual({ limit: 20, windowMs: 60 * 60 * 1000 });
    expect(readConfig({ SIGN_UPS_PER_IP_PER_HOUR: "200" }).core.limits.signUpPerIp.limit).toBe(200);
    expect(problems({ SIGN_UPS_PER_IP_PER_HOUR: "0" })).toEqual(['SIGN_UPS_PER_IP_PER_HOUR must be a whole number, at least 1, not "0".']);
  });

  it("trusts no proxy unless told, a number of hops, or the proxies' addresses and ranges", () => {
    expect(readConfig({}).trustProxy).toBe(false);
    expect(readConfig({ TRUST_PROXY: "false" }).trustProxy).toBe(false);
    expect(readConfig({ TRUST_PROXY: "1" }).trustProxy).toEqual({ hops: 1 });
    expect(readConfig({ TRUST_PROXY: "2" }).trustProxy).toEqual({ hops: 2 });
    expect(readConfig({ TRUST_PROXY: "10.0.0.0/8, 127.0.0.1,::1,fd00::/8" }).trustProxy).toEqual({
      proxies: ["10.0.0.0/8", "127.0.0.1", "::1", "fd00::/8"],
    });
  });

  it("refuses TRUST_PROXY=true, which would believe whatever X-Forwarded-For a client writes, and says what to set", () => {
    expect(() => readConfig({ TRUST_PROXY: "true" })).toThrow(
      /TRUST_PROXY=true .*TRUST_PROXY=1 behind one load balancer.*TRUST_PROXY=10\.0\.0\.0\/8,127\.0\.0\.1/,
    );
    expect(() => readConfig({ TRUST_PROXY: "10.0.0.0/8,the-balancer" })).toThrow(
      /TRUST_PROXY must be a number of hops or addresses and ranges, not "the-balancer"/,
    );
    expect(problems({ TRUST_PROXY: "10.0.0.0/99" })).toEqual([expect.stringMatching(/^TRUST_PROXY must be a number of hops/)]);
  });

  it("computes one password hash per core at once unless told otherwise, and never none", () => {
    expect(readConfig({}).passwordHashConcurrency).toBeGreaterThanOrEqual(1);
    expect(readConfig({ PASSWORD_HASH_CONCURRENCY: "3" }).passwordHashConcurrency).toBe(3);
    expect(problems({ PASSWORD_HASH_CONCURRENCY: "0" })).toEqual([
      'PASSWORD_HASH_CONCURRENCY must be a whole number, at least 1, not "0".',
    ]);
  });

  it("runs on PostgreSQL in production mode when DATABASE_URL is set", () => {
    const config = readConfig(production);
    expect(config.mode).toBe("production");
    expect(config.database).toEqual({ kind: "postgres", url: "postgres://db.example/usher", poolSize: 10 });
    expect(readConfig({ ...production, DATABASE_URL: "postgresql://db.example/usher", DATABASE_POOL_SIZE: "25" }).database).toMatchObject({
      poolSize: 25,
    });
  });

  it("takes an unset or empty variable as its default", () => {
    const config = readConfig({ PORT: "", HOST: "", LOG_LEVEL: "", DATABASE_URL: "", REDIS_URL: "" });
    expect(config).toMatchObject({
      mode: "embedded",
      port: 3000,
      host: "127.0.0.1",
      logLevel: "info",
      redisUrl: undefined,
      publicUrl: "http://localhost:3000",
    });
  });
});

describe("a configuration that can't be used", () => {
  it("names each bad variable on a line of its own, and what it accepts", () => {
    expect(problems({ PORT: "99999", LOG_LEVEL: "verbose", REDIS_URL: "notaurl" })).toEqual([
      'PORT must be a port number from 0 to 65535, not "99999".',
      "REDIS_URL must be a redis:// or rediss:// URL.",
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace or silent, not "verbose".',
    ]);
  });

  it("listens on a port from 0 (any free one) to 65535, on an address or a host name", () => {
    expect(readConfig({ PORT: "0", HOST: "0.0.0.0" })).toMatchObject({ port: 0, host: "0.0.0.0" });
    expect(readConfig({ HOST: "::" }).host).toBe("::");
    expect(readConfig({ HOST: "usher.internal" }).host).toBe("usher.internal");
    for (const bad of ["99999", "-1", "80.5", "http"]) {
      expect(problems({ PORT: bad })).toEqual([`PORT must be a port number from 0 to 65535, not "${bad}".`]);
    }
    for (const bad of ["my host", "[::1]", "http://127.0.0.1"]) {
      expect(problems({ HOST: bad })).toEqual([
        expect.stringMatching(new RegExp(`^HOST must be an IP address or a host name .*, not "${bad.replace(/[[\]./]/g, "\\$&")}"\\.$`)),
      ]);
    }
  });

  it("serves metrics only when METRICS_PORT is set, on 127.0.0.1 unless METRICS_HOST says otherwise", () => {
    expect(readConfig({}).metrics).toBeUndefined();
    expect(readConfig({ METRICS_PORT: "", METRICS_HOST: "0.0.0.0" }).metrics).toBeUndefined();
    expect(readConfig({ METRICS_PORT: "0" }).metrics).toEqual({ host: "127.0.0.1", port: 0 });
    expect(readConfig({ METRICS_PORT: "9464", METRICS_HOST: "::" }).metrics).toEqual({ host: "::", port: 9464 });
    expect(problems({ METRICS_PORT: "prometheus" })).toEqual(['METRICS_PORT must be a port number from 0 to 65535, not "prometheus".']);
    expect(problems({ METRICS_PORT: "70000", METRICS_HOST: "my host" })).toEqual([
      'METRICS_PORT must be a port number from 0 to 65535, not "70000".',
      expect.stringMatching(/^METRICS_HOST must be an IP address or a host name .*, not "my host"\.$/),
    ]);
  });

  it("reads the shutdown delay and timeout in seconds, and refuses a timeout the delay would use up", () => {
    expect(readConfig({}).shutdown).toEqual({ delayMs: 0, timeoutMs: 25_000 });
    expect(readConfig({ SHUTDOWN_DELAY_SECONDS: "2.5", SHUTDOWN_TIMEOUT_SECONDS: "10" }).shutdown).toEqual({
      delayMs: 2_500,
      timeoutMs: 10_000,
    });
    expect(problems({ SHUTDOWN_DELAY_SECONDS: "-1", SHUTDOWN_TIMEOUT_SECONDS: "0" })).toEqual([
      'SHUTDOWN_DELAY_SECONDS must be a number of seconds, 0 or more, not "-1".',
      'SHUTDOWN_TIMEOUT_SECONDS must be a number of seconds above 0, not "0".',
    ]);
    expect(problems({ SHUTDOWN_DELAY_SECONDS: "30" })).toEqual([
      "SHUTDOWN_TIMEOUT_SECONDS must be longer than SHUTDOWN_DELAY_SECONDS: the timeout counts from the signal, delay included.",
    ]);
  });

  it("takes PUBLIC_URL as an origin, and refuses a path rather than dropping it", () => {
    expect(readConfig({ PUBLIC_URL: "https://account.example.com/" }).publicUrl).toBe("https://account.example.com");
    expect(readConfig({ PUBLIC_URL: "http://localhost:5173" }).core.webAuthn).toMatchObject({
      rpId: "localhost",
      origin: "http://localhost:5173",
    });
    for (const bad of [
      "notaurl",
      "ftp://files.example",
      "https://example.com/account",
      "https://example.com/?next=1",
      "https://user:pw@example.com",
    ]) {
      expect(problems({ PUBLIC_URL: bad })).toEqual([
        `PUBLIC_URL must be an http:// or https:// URL with no path, such as https://account.example.com, not "${bad}".`,
      ]);
    }
  });

  it("keeps its data in a folder, and refuses a file in its place", () => {
    expect(readConfig({ DATA_DIR: join(scratch, "not-yet") }).database).toEqual({
      kind: "pglite",
      dataDir: join(scratch, "not-yet", "pglite"),
    });
    const file = join(scratch, "a-file");
    writeFileSync(file, "");
    expect(problems({ DATA_DIR: file })).toEqual([`DATA_DIR must be a folder (made if missing), not "${file}".`]);
  });

  it("refuses a database or Redis URL of another kind without printing it, since it may hold a password", () => {
    expect(problems({ ...production, DATABASE_URL: "mysql://usher:hunter2@db.example/usher" })).toEqual([
      "DATABASE_URL must be a postgres:// or postgresql:// URL.",
    ]);
    expect(problems({ ...production, DATABASE_URL: "db.example" })).toEqual(["DATABASE_URL must be a postgres:// or postgresql:// URL."]);
    expect(problems({ ...production, DATABASE_POOL_SIZE: "0" })).toEqual([
      'DATABASE_POOL_SIZE must be a whole number of connections, at least 1, not "0".',
    ]);
    expect(problems({ REDIS_URL: "http://:hunter2@cache.example" })).toEqual(["REDIS_URL must be a redis:// or rediss:// URL."]);
    expect(readConfig({ REDIS_URL: "rediss://cache.example:6380" }).redisUrl).toBe("rediss://cache.example:6380");
  });

  it("needs a SECRET_KEY of 32 bytes or more in production mode, and never prints it", () => {
    const { SECRET_KEY: _, ...withoutKey } = production;
    expect(problems(withoutKey)).toEqual(["SECRET_KEY is required with DATABASE_URL: 32 random bytes, base64 (openssl rand -base64 32)."]);
    const short = Buffer.alloc(12, 9).toString("base64");
    expect(problems({ ...production, SECRET_KEY: short })).toEqual([
      "SECRET_KEY must hold at least 32 random bytes, base64-encoded (openssl rand -base64 32); it holds 12.",
    ]);
    expect(readConfig(production).secretKey).toBe(secretKey);
  });

  it("leaves SECRET_KEY optional in embedded mode, where one is generated, but checks one that is given", () => {
    expect(readConfig({}).secretKey).toBeUndefined();
    expect(problems({ SECRET_KEY: "short" })).toEqual([expect.stringMatching(/^SECRET_KEY must hold at least 32 random bytes/)]);
  });

  it("logs at one of pino's levels", () => {
    expect(readConfig({ LOG_LEVEL: "silent" }).logLevel).toBe("silent");
    expect(problems({ LOG_LEVEL: "verbose" })).toEqual([
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace or silent, not "verbose".',
    ]);
  });

  it("names malformed registered OAuth clients", () => {
    expect(problems({ OAUTH_CLIENTS: "[{" })).toEqual(["OAUTH_CLIENTS must be a JSON array of clients."]);
  });

  it("names the delivery setting production mode is missing", () => {
    expect(problems({ ...production, SMTP_URL: "" })).toEqual([expect.stringMatching(/^SMTP_URL is required in production mode/)]);
  });
});

describe("argon2id costs", () => {
  it("hash at the OWASP minimum unless raised", () => {
    expect(readConfig({}).argon2).toEqual({ memoryKiB: 19456, iterations: 2, parallelism: 1 });
    expect(readConfig({ ARGON2_MEMORY_KIB: "65536", ARGON2_ITERATIONS: "3", ARGON2_PARALLELISM: "2" }).argon2).toEqual({
      memoryKiB: 65536,
      iterations: 3,
      parallelism: 2,
    });
  });

  it("refuses costs below the OWASP minimum, each on its line", () => {
    expect(problems({ ARGON2_MEMORY_KIB: "8", ARGON2_ITERATIONS: "1", ARGON2_PARALLELISM: "0" })).toEqual([
      'ARGON2_MEMORY_KIB must be a whole number, at least 19456 (the OWASP minimum; only tests may go lower, with ARGON2_ALLOW_WEAK_FOR_TESTS=1), not "8".',
      'ARGON2_ITERATIONS must be a whole number, at least 2 (the OWASP minimum; only tests may go lower, with ARGON2_ALLOW_WEAK_FOR_TESTS=1), not "1".',
      'ARGON2_PARALLELISM must be a whole number, at least 1 (the OWASP minimum; only tests may go lower, with ARGON2_ALLOW_WEAK_FOR_TESTS=1), not "0".',
    ]);
  });

  it("accepts cheaper costs only with ARGON2_ALLOW_WEAK_FOR_TESTS=1, and never ones argon2 itself refuses", () => {
    const weak = { ARGON2_MEMORY_KIB: "8", ARGON2_ITERATIONS: "1", ARGON2_PARALLELISM: "1" };
    expect(readConfig({ ...weak, ARGON2_ALLOW_WEAK_FOR_TESTS: "1" }).argon2).toEqual({ memoryKiB: 8, iterations: 1, parallelism: 1 });
    expect(problems({ ...weak, ARGON2_ALLOW_WEAK_FOR_TESTS: "0" })).toHaveLength(2);
    expect(problems({ ARGON2_ITERATIONS: "0", ARGON2_ALLOW_WEAK_FOR_TESTS: "1" })).toEqual([
      'ARGON2_ITERATIONS must be a whole number, at least 1, not "0".',
    ]);
    expect(problems({ ARGON2_MEMORY_KIB: "4", ARGON2_ALLOW_WEAK_FOR_TESTS: "1" })).toEqual([
      'ARGON2_MEMORY_KIB must be a whole number, at least 8, not "4".',
    ]);
  });

  it("refuses an ARGON2_ALLOW_WEAK_FOR_TESTS that is neither 1 nor 0, rather than guess", () => {
    expect(problems({ ARGON2_MEMORY_KIB: "1024", ARGON2_ALLOW_WEAK_FOR_TESTS: "yes" })).toEqual([
      expect.stringMatching(/^ARGON2_MEMORY_KIB must be a whole number, at least 19456/),
      'ARGON2_ALLOW_WEAK_FOR_TESTS must be 1 or 0, not "yes".',
    ]);
  });
});
