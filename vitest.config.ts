// Two passes: everything on the embedded database (PGlite), then the route tests again on
// PostgreSQL; then the cluster suites, one at a time. The store contract suite runs both
// databases itself. A JSON report feeds the
// summary line that .ci/run prints.
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { configDefaults, defineConfig } from "vitest/config";

const routeTests = ["src/server/**/*.test.ts", "test/security/**/*.test.ts"];
/** Several real processes each, timed against leases: one file at a time, after everything else. */
const clusterTests = ["test/cluster/**/*.test.ts"];

export default defineConfig({
  // In-repo code imports the verifier as the platform's services do, by its package name; here it
  // is the source (tsconfig.json's "paths" says the same to tsc and tsx). Projects extend this.
  resolve: { alias: { "usher/verifier": fileURLToPath(new URL("./src/verifier/index.ts", import.meta.url)) } },
  test: {
    pool: "forks",
    // Test files wait on PostgreSQL and argon2 as much as they compute: a file or two more than
    // there are cores keeps every core busy (Vitest's default leaves one idle, one file at a time on 2 cores).
    maxWorkers: Math.max(3, availableParallelism() + 1),
    testTimeout: 20_000,
    globalSetup: ["test/support/pglite-template.ts"],
    hookTimeout: 60_000,
    reporters: ["default", ["json", { outputFile: "test-results/vitest.json" }]],
    projects: [
      {
        extends: true,
        test: {
          name: "pglite",
          include: ["src/**/*.test.ts", "test/**/*.test.ts"],
          exclude: [...configDefaults.exclude, ...clusterTests],
          env: { USHER_TEST_DB: "pglite" },
        },
      },
      {
        extends: true,
        test: { name: "postgres", include: routeTests, env: { USHER_TEST_DB: "postgres" } },
      },
      {
        extends: true,
        test: {
          name: "cluster",
          include: clusterTests,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
          env: { USHER_TEST_DB: "postgres" },
        },
      },
    ],
  },
});
