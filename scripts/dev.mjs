// npm run dev: the API server (restarting on change) and Vite's dev server with hot reload
// in front of it. Open http://localhost:5173. Ctrl-C, or SIGTERM to npm, stops both.
import { spawn } from "node:child_process";

const env = { ...process.env, PUBLIC_URL: "http://localhost:5173" };
const bin = (name) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;
const children = [
  spawn(bin("tsx"), ["watch", "src/cli/main.ts", "serve"], { stdio: "inherit", env }),
  spawn(bin("vite"), [], { stdio: "inherit", env }),
];
let running = children.length;
const stop = (signal) => {
  for (const child of children) if (child.exitCode === null) child.kill(signal);
};
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));
for (const child of children) {
  child.on("exit", (code) => {
    // One stopping stops the other; the last one out ends this process with a failure's code.
    if (code) process.exitCode = code;
    stop("SIGTERM");
    running -= 1;
    if (running === 0) process.exit();
  });
}
