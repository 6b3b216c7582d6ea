// `usher <args>` as production runs it: the server built into plain JavaScript (afresh, into a
// folder of the test file's own, so neither a stale dist/ nor a build running beside it
// matters), run as a real process that answers its exit code and what it printed.
import { execFile, spawn } from "node:child_process";
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const root = fileURLToPath(new URL("../..", import.meta.url));

export interface CliOutcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface BuiltCli {
  /** `node usher.js <args>` with this environment, as `npm run usher` runs it. */
  usher(env: NodeJS.ProcessEnv, ...args: string[]): Promise<CliOutcome>;
  remove(): void;
}

/** Builds the CLI (about half a second); each run then starts in a fraction of tsx's time. */
export async function buildUsherCli(): Promise<BuiltCli> {
  const folder = mkdtempSync(join(tmpdir(), "usher-cli-"));
  await promisify(execFile)(process.execPath, [join(root, "scripts/build-server.mjs"), "--out", folder]);
  // Packages stay imports of the bundle, found through a node_modules beside it (the build empties its folder first).
  symlinkSync(join(root, "node_modules"), join(folder, "node_modules"), "dir");
  return {
    usher: (env, ...args) =>
      new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [join(folder, "usher.js"), ...args], { cwd: root, env, stdio: "pipe" });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
        child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
        child.once("error", reject);
        child.once("close", (code) => resolve({ code, stdout, stderr }));
      }),
    remove: () => rmSync(folder, { recursive: true, force: true }),
  };
}
