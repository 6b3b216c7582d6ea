// npm run dev: the API server (restarting on change) and Vite's dev server with hot reload
// in front of it. Open http://localhost:5173. Ctrl-C stops both.
import { spawn } from "node:child_process";

const env = { ...process.env, PUBLIC_URL: "http://localhost:5173" };
const children = [
  spawn("npx", ["tsx", "watch", "src/cli/main.ts", "serve"], { stdio: "inherit", env }),
  spawn("npx", ["vite"], { stdio: "inherit", env }),
];
const stop = () => {
  for (const child of children) child.kill("SIGTERM");
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
for (const child of children) child.on("exit", (code) => code && stop());
