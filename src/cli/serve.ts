// usher serve: runs a node until it is told to stop. The configuration is read before the
// server's modules are even loaded, so a bad variable stops the start before anything connects.
import { readConfig, type ServerConfig } from "../server/config";
import { configWarnings } from "../server/config/warnings";
import { stopOnSignals } from "./stop-on-signals";

export async function run(): Promise<void> {
  const started = performance.now();
  const config = readConfig();
  const { startServer, devMailboxServed } = await import("../server/main");
  const server = await startServer(config).catch((error: unknown) => {
    throw listenProblem(error, config) ?? error;
  });
  const storage = config.mode === "embedded" ? `embedded database in ${config.dataDir}` : "PostgreSQL";
  console.log(`Usher is running at ${openAt(config, server.url)} (${storage}; ready in ${Math.round(performance.now() - started)} ms)`);
  for (const warning of configWarnings(config)) console.warn(`Warning: ${warning}`);
  if (server.metricsUrl) console.log(`Metrics for Prometheus: ${server.metricsUrl}`);
  if (config.mode === "embedded") {
    console.log(
      devMailboxServed(config)
        ? `Dev mailbox (every email and text message; this machine only): ${server.url}/dev/mailbox`
        : `Dev mailbox is off: HOST=${config.host} reaches beyond this machine. Embedded mode is for one developer's machine; run anything others reach in production mode (DATABASE_URL).`,
    );
  }
  stopOnSignals(server, config.shutdown);
}

/**
 * Where people open it: PUBLIC_URL, the only origin its forms and passkeys work from (another
 * name of this server redirects there). Without one, on PORT=0, the port it was given.
 */
function openAt(config: ServerConfig, listening: string): string {
  return new URL(config.publicUrl).port === "0" ? listening : config.publicUrl;
}

/** Listening can fail for reasons only the operator can fix, in PORT or HOST: say which. */
function listenProblem(error: unknown, config: ServerConfig): Error | undefined {
  const { code, syscall } = error as NodeJS.ErrnoException;
  if (syscall !== "listen") return undefined;
  if (code === "EADDRINUSE") return new Error(`PORT ${config.port} is already in use on ${config.host}.`);
  if (code === "EACCES") return new Error(`PORT ${config.port} needs privileges this process lacks (ports below 1024 usually do).`);
  if (code === "EADDRNOTAVAIL") return new Error(`HOST ${config.host} is not an address of this machine.`);
  return undefined;
}
