// The example playback service (examples/playback-service) as a real process, run as
// `node --import tsx examples/playback-service/server.ts`, so the PID a test signals (SIGSTOP,
// SIGCONT) is the service itself.
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { urlPrintedBy } from "./printed-url";

const root = fileURLToPath(new URL("../..", import.meta.url));

export interface PlaybackProcess {
  url: string;
  child: ChildProcess;
}

export interface PlaybackClient {
  id: string;
  secret: string;
}

/** Starts a playback service in front of `usherUrl` and resolves with its URL once it listens (60 s at most). */
export async function startPlaybackProcess(usherUrl: string, client: PlaybackClient, started: ChildProcess[]): Promise<PlaybackProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "examples/playback-service/server.ts"], {
    cwd: root,
    env: {
      ...process.env,
      USHER_URL: usherUrl,
      USHER_CLIENT_ID: client.id,
      USHER_CLIENT_SECRET: client.secret,
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.push(child);
  const url = await urlPrintedBy(child, "Playback service listening at", "the playback service");
  return { url, child };
}

/** SIGTERM, then SIGKILL if it has not exited within 5 s (a stopped process is continued first). */
export async function stopPlaybackProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  process.kill(child.pid, "SIGCONT");
  process.kill(child.pid, "SIGTERM");
  const timer = setTimeout(() => {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) process.kill(child.pid, "SIGKILL");
  }, 5_000);
  await exited;
  clearTimeout(timer);
}
