// usher/verifier as another Node project gets it: the package's "./verifier" export, built by
// src/verifier/tsconfig.build.json into dist/verifier, imported by plain Node (no tsx, no
// bundler) and typechecked by tsc under NodeNext from a project that depends on Usher. In this
// repository the same name resolves to the source (tsconfig paths, the Vitest alias).
import { execFile } from "node:child_process";
import { once } from "node:events";
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import * as fromPackageName from "usher/verifier";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocketServer } from "ws";
import * as fromSource from "../src/verifier/index";

const run = promisify(execFile);
const root = fileURLToPath(new URL("..", import.meta.url));
const tsc = join(root, "node_modules/.bin/tsc");
let consumer: string;

beforeAll(async () => {
  await run(tsc, ["-p", "src/verifier/tsconfig.build.json"], { cwd: root });
  consumer = await mkdtemp(join(tmpdir(), "usher-verifier-consumer-"));
  await writeFile(join(consumer, "package.json"), JSON.stringify({ name: "playback", private: true, type: "module" }));
  await mkdir(join(consumer, "node_modules"));
  await symlink(root, join(consumer, "node_modules/usher"), "dir");
}, 60_000);

afterAll(async () => {
  if (consumer) await rm(consumer, { recursive: true, force: true });
});

/** Type-checks one file of the consumer project as a NodeNext project with its own settings would. */
async function typecheck(file: string, source: string): Promise<{ ok: boolean; output: string }> {
  await writeFile(join(consumer, file), source);
  const args = ["--noEmit", "--module", "nodenext", "--moduleResolution", "nodenext", "--strict", "--types", "node"];
  try {
    await run(tsc, [...args, "--typeRoots", join(root, "node_modules/@types"), file], { cwd: consumer });
    return { ok: true, output: "" };
  } catch (error) {
    return { ok: false, output: String((error as { stdout?: string }).stdout) };
  }
}

describe("the usher/verifier package entry point", () => {
  it("is the source inside this repository", () => {
    expect(fromPackageName.createSessionVerifier).toBe(fromSource.createSessionVerifier);
  });

  it("imports in plain Node from another project", async () => {
    const script = "import('usher/verifier').then((m) => console.log(typeof m.createSessionVerifier))";
    const { stdout } = await run(process.execPath, ["--input-type=module", "-e", script], { cwd: consumer });
    expect(stdout.trim()).toBe("function");
  });

  it("gets a lease in plain Node, and does not keep the process alive by itself", async () => {
    const usher = await fakeUsher();
    try {
      const script = [
        "import { createSessionVerifier } from 'usher/verifier';",
        `const verifier = createSessionVerifier({ url: ${JSON.stringify(usher.url)}, clientId: 'playback', clientSecret: 'secret' });`,
        "await verifier.ready(5000);",
        "console.log(JSON.stringify(verifier.status()));",
      ].join("\n");
      // Never closed: the process must end on its own, its subscription still open.
      const { stdout } = await run(process.execPath, ["--input-type=module", "-e", script], { cwd: consumer, timeout: 10_000 });
      expect(JSON.parse(stdout)).toEqual({ subscribed: true, leaseFresh: true, cached: { live: 0, inactive: 0 }, epoch: "e1" });
    } finally {
      await usher.close();
    }
  });

  it("typechecks a consumer under NodeNext with the package's own types", async () => {
    const result = await typecheck(
      "consumer.ts",
      `import { createSessionVerifier, type SessionClaims, UsherUnavailableError } from "usher/verifier";

const verifier = createSessionVerifier({ url: "https://accounts.example.com", clientId: "playback", clientSecret: "secret" });

export async function qualityFor(token: string): Promise<SessionClaims["plan"] | "signed out" | "try again"> {
  try {
    const claims: SessionClaims | null = await verifier.verify(token);
    return claims ? claims.plan : "signed out";
  } catch (error) {
    if (error instanceof UsherUnavailableError) return "try again";
    throw error;
  }
}

// @ts-expect-error: a verifier needs the service client's credentials
createSessionVerifier({ url: "https://accounts.example.com" });
`,
    );
    expect(result.output).toBe("");
    expect(result.ok).toBe(true);
  });

  it("refuses a consumer that misuses the types (they are the package's, not any)", async () => {
    const result = await typecheck(
      "misuse.ts",
      `import type { SessionClaims } from "usher/verifier";
export const plan = (claims: SessionClaims): number => claims.plan;
`,
    );
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/misuse\.ts\(2,\d+\): error TS2322/);
  });
});

/** Just enough of Usher for a verifier to subscribe and get a lease. */
async function fakeUsher(): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((_req, res) => res.writeHead(404).end());
  const wss = new WebSocketServer({ server, path: "/oauth/session-changes" });
  wss.on("connection", (ws) => {
    ws.on("message", (data) => {
      const renewal = JSON.parse(String(data)) as { type: string; id: number };
      if (renewal.type === "renew") ws.send(JSON.stringify({ type: "lease", id: renewal.id, ms: 60_000, epoch: "e1" }));
    });
    ws.send(JSON.stringify({ type: "hello", entryMs: 300_000, renewMs: 30_000 }));
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
