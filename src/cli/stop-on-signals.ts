// How a node stops when it is told to: SIGTERM from a supervisor (a container runtime, systemd,
// a rolling deploy; `npm start` passes it on) or SIGINT (Ctrl-C). Readiness fails first, then
// the balancer is given SHUTDOWN_DELAY_SECONDS to notice, then the node drains (server.close)
// and exits 0 with one line that says what it closed. Past SHUTDOWN_TIMEOUT_SECONDS from the
// signal it exits 1 regardless: a supervisor would kill it soon after anyway.
import { setTimeout as sleep } from "node:timers/promises";
import type { ServerConfig } from "../server/config";
import type { RunningServer } from "../server/main";

export function stopOnSignals(server: RunningServer, { delayMs, timeoutMs }: ServerConfig["shutdown"]): void {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    // A terminal's Ctrl-C reaches npm and the server both, and npm passes its copy on: one
    // shutdown, however many signals.
    if (stopping) return;
    stopping = true;
    const started = performance.now();
    const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
    server.beginShutdown();
    setTimeout(() => {
      console.error(
        `Usher did not stop within SHUTDOWN_TIMEOUT_SECONDS (${timeoutMs / 1000} s) of ${signal}; exiting with work unfinished.`,
      );
      process.exit(1);
    }, timeoutMs).unref();
    try {
      await sleep(delayMs);
      const closed = await server.close();
      console.log(
        `Usher stopped on ${signal} in ${elapsed()}: requests in flight finished, ${count(closed.eventStreams, "event stream")} and ${count(closed.verifierSubscriptions, "verifier subscription")} closed, outbox sends finished.`,
      );
      process.exit(0);
    } catch (error) {
      console.error(`Usher could not stop cleanly on ${signal} (${elapsed()}): ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    }
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;
