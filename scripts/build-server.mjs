// Builds the server into dist/server: one ES module bundle of Usher's own code (`usher.js`, the
// `usher` command; each command's code in a chunk loaded when it runs), with its npm packages
// left as imports, so production runs plain JavaScript on the packages `npm ci --omit=dev`
// installs (native argon2 and PGlite's WebAssembly stay where their packages put them).
// Files the code reads beside itself (migrations, the common-password list) are copied next
// to the bundle: chunks stay flat in dist/server, so `new URL("./…", import.meta.url)` finds them.
//
//   node scripts/build-server.mjs [--out <folder>]   (default dist/server)
import { cpSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { build } from "esbuild";

const root = new URL("../", import.meta.url);
const { values } = parseArgs({ options: { out: { type: "string", default: new URL("dist/server", root).pathname } } });
const out = pathToFileURL(`${resolve(values.out)}/`);

rmSync(out, { recursive: true, force: true });
await build({
  absWorkingDir: new URL(".", root).pathname,
  entryPoints: { usher: "src/cli/main.ts" },
  outdir: out.pathname,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20.19",
  packages: "external",
  sourcemap: true,
  logLevel: "warning",
});
cpSync(new URL("src/store/migrations", root), new URL("migrations", out), { recursive: true });
cpSync(new URL("src/core/passwords/common-passwords.txt", root), new URL("common-passwords.txt", out));
