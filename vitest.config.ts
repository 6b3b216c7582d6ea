// Two passes: everything on the embedded database (PGlite), then the route tests again on
// PostgreSQL. The store contract suite runs both databases itself. A JSON report feeds the
// summary line that .ci/run prints.
import { defineConfig } from "vitest/config";

const routeTests = ["src/server/**/*.test.ts", "test/security/**/*.test.ts"];

export default defineConfig({
  test: {
    pool: "forks",
    testTimeout: 20_000,
    hookTimeout: 60_000,
    reporters: ["default", ["json", { outputFile: "test-results/vitest.json" }]],
    projects: [
      {
        extends: true,
        test: { name: "pglite", include: ["src/**/*.test.ts", "test/**/*.test.ts"], env: { USHER_TEST_DB: "pglite" } },
      },
      {
        extends: true,
        test: { name: "postgres", include: routeTests, env: { USHER_TEST_DB: "postgres" } },
      },
    ],
  },
});
