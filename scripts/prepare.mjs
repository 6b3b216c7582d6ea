// `npm ci` / `npm install` builds Usher (dist/) when the build tools are installed. A production
// install (`npm ci --omit=dev`) has none of them and runs what was built before it: it is told
// so, and told what is missing if nothing was.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

let buildToolsInstalled = true;
try {
  import.meta.resolve("vite");
} catch {
  buildToolsInstalled = false;
}

if (buildToolsInstalled) {
  const { status } = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  process.exit(status ?? 1);
}
if (existsSync(new URL("../dist/server/usher.js", import.meta.url))) {
  console.log("usher: production install; running the server built in dist/.");
} else {
  console.warn(
    "usher: dist/ holds no built server. Build it where the dev dependencies are installed (npm ci && npm run build) and copy dist/ here.",
  );
}
