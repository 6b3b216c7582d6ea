// The browser tests' server: `usher serve` exactly as `npm start` runs it (the built server in
// dist/, which `npm test` builds first), but on its own port and on a fresh embedded database in
// a temporary directory that is removed when it stops.
// Two run at once (playwright.config.ts): the second on E2E_PORT + 1 with a short
// re-authentication window.
// Playwright starts it (playwright.config.ts → webServer) and stops it with SIGTERM.
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const port = process.env.E2E_PORT ?? "4173";
const prefix = "usher-e2e-";

// A run that was killed outright (SIGKILL) could not clean up: remove its leftovers.
for (const name of readdirSync(tmpdir()).filter((entry) => entry.startsWith(prefix))) {
  const dir = join(tmpdir(), name);
  try {
    process.kill(Number(readFileSync(join(dir, "owner.pid"), "utf8")), 0);
  } catch (error) {
    // A directory made a moment ago by a server starting alongside (the reauth spec's) may
    // not have its owner.pid yet: leave it alone.
    const justMade = error.code === "ENOENT" && Date.now() - statSync(dir).mtimeMs < 60_000;
    if (error.code !== "EPERM" && !justMade) rmSync(dir, { recursive: true, force: true });
  }
}

const dataDir = mkdtempSync(join(tmpdir(), prefix));
writeFileSync(join(dataDir, "owner.pid"), String(process.pid));
const removeDataDir = () => rmSync(dataDir, { recursive: true, force: true });

const server = spawn(process.execPath, ["--enable-source-maps", "dist/server/usher.js", "serve"], {
  cwd: root,
  stdio: "inherit",
  env: {
    ...process.env,
    PORT: port,
    PUBLIC_URL: `http://localhost:${port}`,
    DATA_DIR: dataDir,
    // OWASP costs unless the caller sets cheaper ones, which only a test server may run with.
    ARGON2_MEMORY_KIB: process.env.ARGON2_MEMORY_KIB ?? "19456",
    ARGON2_ALLOW_WEAK_FOR_TESTS: "1",
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
    // Every browser test signs up its own account, all from 127.0.0.1: more than the default 20 an hour.
    SIGN_UPS_PER_IP_PER_HOUR: process.env.SIGN_UPS_PER_IP_PER_HOUR ?? "500",
    // One proxy hop: a test's X-Forwarded-For stands for many networks; the browser sends none (127.0.0.1).
    TRUST_PROXY: process.env.TRUST_PROXY ?? "1",
    // Email goes out over SMTP to the tests' mail server (scripts/e2e-smtp-inbox.mjs); text
    // messages stay in the dev outbox, where the tests read them.
    SMTP_URL: `smtp://127.0.0.1:${process.env.E2E_SMTP_PORT ?? "4190"}`,
  },
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    if (server.exitCode === null && server.signalCode === null) server.kill(signal);
  });
}
server.on("exit", (code, signal) => {
  removeDataDir();
  process.exit(code ?? (signal ? 0 : 1));
});
