// Waiting for a child process to print the URL it listens at: what test processes of every
// kind (Usher nodes, playback services) announce once they are ready.
import type { ChildProcess } from "node:child_process";

/** Resolves with the first URL `child` prints after `announcement` (60 s at most); rejects if it exits first. */
export function urlPrintedBy(child: ChildProcess, announcement: string, what: string): Promise<string> {
  const pattern = new RegExp(`${announcement} (http:\\/\\/\\S+)`);
  return new Promise<string>((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`${what} printed no URL in 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = pattern.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited (${code ?? signal}) before it was ready:\n${output}`));
    });
  });
}
