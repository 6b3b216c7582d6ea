// Reads the service's configuration from the environment. Every variable is listed in the
// README and in one schema (config/environment.ts); anything malformed stops the start, before
// anything connects, with one line per bad variable that names it and says what it accepts.

import type { Argon2Params } from "../adapters/passwords/argon2-hasher";
import type { CoreConfig } from "../core/config";
import type { DatabaseTarget } from "../store/database";
import { environmentSchema, readingRules } from "./config/environment";
import type { DeliveryConfig } from "./delivery/delivery-config";
import type { TrustProxy } from "./trust-proxy";

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
  /** How email and text messages leave this node (SMTP, SMS provider, dev outbox). */
  delivery: DeliveryConfig;
}

/** A configuration that can't be used; `problems` holds one line per bad variable, for the operator. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
    this.name = "ConfigError";
  }
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = environmentSchema(readingRules(env)).safeParse(env);
  if (parsed.success) return parsed.data;
  // Our own issues are whole lines; zod's (a value that is not text at all) get the variable's name.
  throw new ConfigError(
    parsed.error.issues.map((issue) => (issue.code === "custom" ? issue.message : `${issue.path.join(".")}: ${issue.message}`)),
  );
}
