// Usher as another Node project gets it: `npm pack` of this repository (package.json "files"),
// the tarball installed into a new project, and there usher/client and usher/verifier imported by
// plain Node (no tsx, no bundler) and typechecked by tsc under NodeNext with the package's own
// .d.ts. The web app and the server are an operator's, built by `npm run build`; this packs
// whatever of them dist/ holds and builds only the two entry points. In this repository the same
// names resolve to the source (tsconfig paths, the Vitest alias).
import { execFile } from "node:child_process";
import { once } from "node:events";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
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
let scratch: string;
let consumer: string;
let packed: string[];

beforeAll(async () => {
  await Promise.all([
    run(tsc, ["-p", "src/client/tsconfig.build.json"], { cwd: root }),
    run(tsc, ["-p", "src/verifier/tsconfig.build.json"], { cwd: root }),
  ]);
  scratch = await mkdtemp(join(tmpdir(), "usher-package-"));
  const { stdout } = await run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", scratch], { cwd: root });
  const [tarball] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
  packed = tarball!.files.map((file) => file.path);

  consumer = join(scratch, "playback");
  await mkdir(consumer);
  await writeFile(join(consumer, "package.json"), JSON.stringify({ name: "playback", private: true, type: "module" }));
  await writeFile(join(consumer, "package-lock.json"), JSON.stringify(await consumerLockfile()));
  const install = ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", join(scratch, tarball!.filename)];
  await run("npm", install, { cwd: consumer });
}, 120_000);

afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

/**
 * The consumer's lockfile: Usher's own locked runtime packages, each with its registry tarball.
 * Resolving a range, npm asks for the package's full registry document, which an offline cache
 * need not hold; pinned tarballs it takes from the cache. The consumer also gets the versions
 * Usher is tested with.
 */
async function consumerLockfile() {
  const lock = JSON.parse(await readFile(join(root, "package-lock.json"), "utf8")) as {
    packages: Record<string, { name?: string; version: string; dev?: boolean }>;
  };
  const packages: Record<string, unknown> = { "": { name: "playback" } };
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (path === "" || entry.dev) continue;
    const name = entry.name ?? path.slice(path.lastIndexOf("node_modules/") + "node_modules/".length);
    const resolved = `https://registry.npmjs.org/${name}/-/${name.split("/").pop()}-${entry.version}.tgz`;
    packages[path] = { ...entry, resolved };
  }
  return { name: "playback", lockfileVersion: 3, requires: true, packages };
}

/** Runs an ES module in the consumer project with plain Node; what it prints, as JSON. */
async function runInConsumer(source: string): Promise<unknown> {
  // Never closed by the script: the process must end on its own.
  const { stdout } = await run(process.execPath, ["--input-type=module", "-e", source], { cwd: consumer, timeout: 10_000 });
  return JSON.parse(stdout);
}

/** tsc's errors, one a line, for files of the consumer project checked as a NodeNext project would check them. */
async function typecheck(files: Record<string, string>): Promise<string[]> {
  for (const [file, source] of Object.entries(files)) await writeFile(join(consumer, file), source);
  const args = ["--noEmit", "--module", "nodenext", "--moduleResolution", "nodenext", "--strict", "--types", "node"];
  try {
    await run(tsc, [...args, "--typeRoots", join(root, "node_modules/@types"), ...Object.keys(files)], { cwd: consumer });
    return [];
  } catch (error) {
    return String((error as { stdout?: string }).stdout)
      .split("\n")
      .filter((line) => /\): error TS/.test(line));
  }
}

describe("the usher package, packed and installed by another project", () => {
  it("holds the built client and verifier, and beside them only the built server, web app and README", () => {
    expect(packed).toEqual(
      expect.arrayContaining([
        "package.json",
        "README.md",
        "dist/client/index.js",
        "dist/client/index.d.ts",
        "dist/verifier/index.js",
        "dist/verifier/index.d.ts",
      ]),
    );
    const unexpected = packed.filter((path) => !/^(dist\/(server|web|client|verifier)\/|package\.json$|README\.md$)/.test(path));
    expect(unexpected).toEqual([]);
    expect(packed.filter((path) => /\.test\.|^src\//.test(path))).toEqual([]);
  });

  it("resolves usher/verifier to the source inside this repository", () => {
    expect(fromPackageName.createSessionVerifier).toBe(fromSource.createSessionVerifier);
  });

  it("builds a usher/client client in plain Node that sends the app's bearer token", async () => {
    const script = `
      import { createUsherClient, errorCodeOf } from "usher/client";
      const seen = [];
      const usher = createUsherClient({
        baseUrl: "https://accounts.example.com/",
        auth: { mode: "bearer", token: () => "phone-token" },
        fetch: async (request) => {
          seen.push({ url: request.url, authorization: request.headers.get("authorization") });
          const body = JSON.stringify({ error: { code: "SESSION_REVOKED", message: "Signed out" } });
          return new Response(body, { status: 401, headers: { "content-type": "application/json" } });
        },
      });
      const { error } = await usher.GET("/api/v1/sessions");
      console.log(JSON.stringify({ seen, code: errorCodeOf(error) }));`;
    expect(await runInConsumer(script)).toEqual({
      seen: [{ url: "https://accounts.example.com/api/v1/sessions", authorization: "Bearer phone-token" }],
      code: "SESSION_REVOKED",
    });
  });

  it("gets a usher/verifier lease in plain Node, and does not keep the process alive by itself", async () => {
    const usher = await fakeUsher();
    try {
      const script = `
        import { createSessionVerifier } from "usher/verifier";
        const verifier = createSessionVerifier({ url: ${JSON.stringify(usher.url)}, clientId: "playback", clientSecret: "secret" });
        await verifier.ready(5000);
        console.log(JSON.stringify(verifier.status()));`;
      expect(await runInConsumer(script)).toEqual({ subscribed: true, leaseFresh: true, cached: { live: 0, inactive: 0 }, epoch: "e1" });
    } finally {
      await usher.close();
    }
  });

  describe("typechecked by tsc under NodeNext", () => {
    // One run for both files: tsc takes seconds to check the package's types and their dependencies'.
    let errors: string[];
    beforeAll(async () => {
      errors = await typecheck({ "consumer.ts": consumerSource, "misuse.ts": misuseSource });
    }, 60_000);

    it("accepts a consumer of both with the package's own types", () => {
      expect(errors.filter((line) => line.startsWith("consumer.ts"))).toEqual([]);
    });

    it("refuses a consumer that misuses the types (they are the package's, not any)", () => {
      const misuses = errors.filter((line) => line.startsWith("misuse.ts"));
      expect(misuses).toHaveLength(2);
      expect(misuses[0]).toMatch(/^misuse\.ts\(4,\d+\): error TS2322: Type 'string' is not assignable to type 'number'/);
      expect(misuses[1]).toMatch(/^misuse\.ts\(5,\d+\): error TS2345: Argument of type '"\/api\/v1\/no-such-path"'/);
    });
  });
});

const consumerSource = `import { createUsherClient, errorCodeOf, type UsherErrorCode } from "usher/client";
import { createSessionVerifier, type SessionClaims, UsherUnavailableError } from "usher/verifier";

const usher = createUsherClient({ baseUrl: "https://accounts.example.com", auth: { mode: "bearer", token: () => "stored" } });
const verifier = createSessionVerifier({ url: "https://accounts.example.com", clientId: "playback", clientSecret: "secret" });

export async function deviceNames(): Promise<string[] | UsherErrorCode | undefined> {
  const { data, error } = await usher.GET("/api/v1/sessions");
  return data ? data.sessions.map((session) => session.deviceName) : errorCodeOf(error);
}

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
`;

const misuseSource = `import { createUsherClient } from "usher/client";
import type { SessionClaims } from "usher/verifier";
const usher = createUsherClient({ baseUrl: "https://accounts.example.com", auth: { mode: "none" } });
export const plan = (claims: SessionClaims): number => claims.plan;
export const answer = usher.GET("/api/v1/no-such-path", {});
`;

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
