// Reads the service's configuration from the environment. Every variable is listed in the
// README and in one schema (config/environment.ts); anything malformed stops the start, before
// anything connects, with one line per bad variable that names it and says what it accepts.

import { environmentSchema, readingRules } from "./config/environment";
import type { ServerConfig } from "./config/server-config";

export type { ServerConfig };

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
