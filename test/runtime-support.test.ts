// The Node versions Usher declares (package.json "engines") are the ones it runs on: CI runs
// one of them, every runtime package admits the oldest, and the few that declare a newer Node
// are listed here with the reason they work anyway, and shown working on this Node.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import cookie from "@fastify/cookie";
import fastifyStatic from "@fastify/static";
import Fastify from "fastify";
import semver from "semver";
import { describe, expect, it } from "vitest";

/**
 * Runtime packages that declare Node 22 and why they run on Usher's oldest Node. They are ES
 * modules only, and Node 22 is where `require()` of an ES module first came; Node enables it by
 * default from 20.19. No older version with the same API satisfies the Fastify packages.
 */
const newerNodeDeclared: Record<string, string> = {
  cookie: "ES module only; fastify's light-my-request (app.inject) require()s it, @fastify/cookie import()s it",
  "content-disposition": "ES module only; @fastify/static require()s it",
};

const readJson = (file: string) => JSON.parse(readFileSync(new URL(`../${file}`, import.meta.url), "utf8"));
const declared: string = readJson("package.json").engines.node;
const requireHere = createRequire(import.meta.url);

describe("the Node versions Usher declares", () => {
  it("include the Node running these tests (CI runs a declared version)", () => {
    expect(semver.satisfies(process.versions.node, declared), `Node ${process.versions.node}, declared ${declared}`).toBe(true);
  });

  it("start at a Node every runtime package admits, but for the listed exceptions, and list none that no longer applies", () => {
    const oldest = semver.minVersion(declared)!.version;
    const lock: { packages: Record<string, { version: string; dev?: boolean; engines?: { node?: string } }> } =
      readJson("package-lock.json");
    const refusing = new Map<string, string>();
    for (const [path, entry] of Object.entries(lock.packages)) {
      const range = entry.engines?.node;
      if (path === "" || entry.dev || !range || semver.satisfies(oldest, range)) continue;
      refusing.set(path.slice(path.lastIndexOf("node_modules/") + "node_modules/".length), `${entry.version} wants ${range}`);
    }
    const unlisted = [...refusing].filter(([name]) => !(name in newerNodeDeclared));
    expect(unlisted, `runtime packages that do not admit Node ${oldest}`).toEqual([]);
    const stale = Object.keys(newerNodeDeclared).filter((name) => !refusing.has(name));
    expect(stale, "exceptions whose package now admits the declared Node, or is gone").toEqual([]);
  });
});

describe("the runtime packages that declare Node 22, on this Node", () => {
  it("load through require() from CommonJS, as the Fastify packages load them", () => {
    // Each from where the package that loads it is installed, so it is the version that package gets.
    const lightMyRequest = createRequire(requireHere.resolve("fastify")).resolve("light-my-request");
    const { stringifySetCookie, parseCookie } = createRequire(lightMyRequest)("cookie");
    expect(stringifySetCookie({ name: "usher_session", value: "abc", path: "/", httpOnly: true, sameSite: "lax" })).toBe(
      "usher_session=abc; Path=/; HttpOnly; SameSite=Lax",
    );
    expect({ ...parseCookie("usher_session=abc; theme=dark") }).toEqual({ usher_session: "abc", theme: "dark" });

    const { create } = createRequire(requireHere.resolve("@fastify/static"))("content-disposition");
    expect(create("Données du compte.json")).toBe(
      `attachment; filename="Donn?es du compte.json"; filename*=UTF-8''Donn%C3%A9es%20du%20compte.json`,
    );
  });

  it("serve a Fastify app that reads and sets cookies and sends a download with a non-ASCII name", async () => {
    const app = Fastify();
    await app.register(cookie);
    await app.register(fastifyStatic, { root: fileURLToPath(new URL(".", import.meta.url)), serve: false });
    app.get("/theme", (request, reply) => {
      reply.setCookie("seen", "1", { path: "/", httpOnly: true });
      return { theme: request.cookies.theme };
    });
    app.get("/export", (_request, reply) => reply.download("runtime-support.test.ts", "Données du compte.txt"));
    try {
      const theme = await app.inject({ url: "/theme", cookies: { theme: "dark" } });
      expect(theme.json()).toEqual({ theme: "dark" });
      expect(theme.headers["set-cookie"]).toBe("seen=1; Path=/; HttpOnly; SameSite=Lax");

      const download = await app.inject({ url: "/export" });
      expect(download.statusCode).toBe(200);
      expect(download.headers["content-disposition"]).toBe(
        `attachment; filename="Donn?es du compte.txt"; filename*=UTF-8''Donn%C3%A9es%20du%20compte.txt`,
      );
    } finally {
      await app.close();
    }
  });
});
