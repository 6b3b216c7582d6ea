// The layering rule of DESIGN.md, checked by dependency-cruiser over the real source tree,
// with a deliberately wrong fixture proving the rule bites.
import { execFile } from "node:child_process";
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

describe("architecture", () => {
  it("keeps core free of HTTP, drivers and outer layers, and contract browser-safe", async () => {
    const result = await cruise(root, ".dependency-cruiser.cjs");
    expect(result.output).toContain("no dependency violations");
    expect(result.ok).toBe(true);
  });

  it("refuses a core module that imports the server or Fastify", async () => {
    const fixture = fileURLToPath(new URL("./fixtures/wrong-way", import.meta.url));
    const result = await cruise(fixture, "../../../.dependency-cruiser.cjs");
    expect(result.ok).toBe(false);
    expect(result.output).toContain("core-is-framework-free: src/core/uses-server.ts → src/server/port.ts");
    expect(result.output).toMatch(/core-is-framework-free: src\/core\/uses-server\.ts → .*node_modules\/fastify/);
  });
});
