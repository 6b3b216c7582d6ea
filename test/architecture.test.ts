// The layering rule of DESIGN.md, checked by dependency-cruiser over the real source tree,
// with a deliberately wrong fixture proving the rule bites; and the web app's one way to the
// API, the typed client.
import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = fileURLToPath(new URL("..", import.meta.url));
const depcruise = fileURLToPath(new URL("../node_modules/.bin/depcruise", import.meta.url));

async function cruise(cwd: string, config: string) {
  try {
    const { stdout } = await run(depcruise, ["src", "--config", config, "--output-type", "err"], { cwd });
    return { ok: true, output: stdout };
  } catch (error) {
    return { ok: false, output: String((error as { stdout?: string }).stdout) };
  }
}

/** The fixture of deliberately wrong imports, cruised once for the tests that read it. */
let wrongWay: ReturnType<typeof cruise> | undefined;
function cruiseWrongWay() {
  wrongWay ??= cruise(fileURLToPath(new URL("./fixtures/wrong-way", import.meta.url)), "../../../.dependency-cruiser.cjs");
  return wrongWay;
}

describe("architecture", () => {
  it("keeps core free of HTTP, drivers, adapters and outer layers, and contract browser-safe", async () => {
    const result = await cruise(root, ".dependency-cruiser.cjs");
    expect(result.output).toContain("no dependency violations");
    expect(result.ok).toBe(true);
  });

  it("refuses a core module that imports the server or Fastify", async () => {
    const result = await cruiseWrongWay();
    expect(result.ok).toBe(false);
    expect(result.output).toContain("core-is-framework-free: src/core/uses-server.ts → src/server/port.ts");
    expect(result.output).toMatch(/core-is-framework-free: src\/core\/uses-server\.ts → .*node_modules\/fastify/);
  });

  it("refuses a core module that imports a package or a Node API off its allow-list", async () => {
    const result = await cruiseWrongWay();
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/core-is-framework-free: src\/core\/uses-outside\.ts → .*node_modules\/nodemailer/);
    expect(result.output).toMatch(/core-is-framework-free: src\/core\/uses-outside\.ts → os$/m);
    expect(result.output).toMatch(/core-reads-only-its-own-data: src\/core\/uses-outside\.ts → fs$/m);
  });

  it("refuses a core module that imports an adapter", async () => {
    const result = await cruiseWrongWay();
    expect(result.ok).toBe(false);
    expect(result.output).toContain("core-is-framework-free: src/core/uses-adapter.ts → src/adapters/hasher.ts");
    expect(result.output).toContain("only-server-and-cli-use-adapters: src/core/uses-adapter.ts → src/adapters/hasher.ts");
  });

  it("refuses modules that import each other", async () => {
    const result = await cruiseWrongWay();
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(
      /no-import-loops: src\/core\/loop-first\.ts → \s*src\/core\/loop-second\.ts →\s*src\/core\/loop-first\.ts/,
    );
  });
});

/** The web app's source files (tests aside), as [path from the root, text]. */
function webSources(): [string, string][] {
  const web = join(root, "src/web");
  return readdirSync(web, { recursive: true, encoding: "utf8" })
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
    .map((file) => [relative(root, join(web, file)), readFileSync(join(web, file), "utf8")]);
}

/**
 * Lines that reach Usher's API around the typed client: a fetch of their own, or an /api/v1
 * address that isn't the path of a typed call. The one exception is the session event stream
 * the browser reads with EventSource, which reconnects by itself and needs no client.
 */
function bypassesOfTheClient(sources: [string, string][]): string[] {
  return sources.flatMap(([file, text]) =>
    text.split("\n").flatMap((line, index) => {
      const ownFetch = /\bfetch\(/.test(line);
      const untypedAddress = /["'`]\/api\/v1/.test(line.replace(/\.(GET|POST|PUT|PATCH|DELETE)\(\s*"\/api\/v1/g, ""));
      const eventSourceAddress = /SESSION_EVENTS_URL = "\/api\/v1\/sessions\/events"/.test(line);
      return (ownFetch || untypedAddress) && !eventSourceAddress ? [`${file}:${index + 1}: ${line.trim()}`] : [];
    }),
  );
}

describe("the web app's calls to the API", () => {
  it("all go through the typed client", () => {
    const sources = webSources();
    expect(sources.length).toBeGreaterThan(100);
    expect(sources.some(([, text]) => text.includes('usher.GET("/api/v1/me")'))).toBe(true);
    expect(bypassesOfTheClient(sources)).toEqual([]);
  });

  it("would be caught going around it", () => {
    const wrong: [string, string][] = [
      ["src/web/a.ts", 'const me = await fetch("/api/v1/me");'],
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the fixture is source text holding a template literal.
      ["src/web/b.ts", "api(`/api/v1/profiles/${id}`);"],
      ["src/web/c.ts", 'call(() => usher.POST("/api/v1/sessions/sign-out-all"));'],
    ];
    expect(bypassesOfTheClient(wrong)).toEqual([
      'src/web/a.ts:1: const me = await fetch("/api/v1/me");',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the report quotes that fixture's source line.
      "src/web/b.ts:1: api(`/api/v1/profiles/${id}`);",
    ]);
  });
});
