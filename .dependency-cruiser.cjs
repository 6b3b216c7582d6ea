// The arrows point inward (DESIGN.md "Layout"): server, cli and store depend on core; core
// depends on nothing of ours but contract; contract is browser-safe. test/architecture.test.ts
// runs this, so a wrong-way import fails the tests.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "core-is-framework-free",
      comment: "core/ never imports HTTP, database drivers, UI or our outer layers",
      severity: "error",
      from: { path: "^src/core/" },
      to: {
        path: [
          "^src/(server|store|cli|web)/",
          "node_modules/(fastify|@fastify|pg|@electric-sql|drizzle-orm|ioredis|react|react-dom)/",
        ],
      },
    },
    {
      name: "contract-is-browser-safe",
      comment: "contract/ holds schemas and codes only: zod, and nothing of Node or of our other layers",
      severity: "error",
      from: { path: "^src/contract/" },
      to: { pathNot: ["^src/contract/", "node_modules/zod/"] },
    },
    {
      name: "store-serves-core",
      severity: "error",
      from: { path: "^src/store/" },
      to: { path: "^src/(server|cli|web)/" },
    },
    {
      name: "server-does-not-use-cli",
      severity: "error",
      from: { path: "^src/server/" },
      to: { path: "^src/(cli|web)/" },
    },
    {
      name: "web-uses-only-contract",
      comment: "web/ uses the contract and the typed client, nothing of the service's inside",
      severity: "error",
      from: { path: "^src/web/" },
      to: { path: "^src/(core|server|store|cli)/" },
    },
    {
      name: "client-is-browser-safe",
      comment: "client/ runs in browsers, phone and TV apps: its generated types and openapi-fetch only",
      severity: "error",
      from: { path: "^src/client/" },
      to: { pathNot: ["^src/client/", "node_modules/openapi-fetch/"] },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "\\.test\\.ts$" },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: [".ts", ".tsx", ".js", ".json"] },
  },
};
