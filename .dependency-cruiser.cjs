// The arrows point inward (DESIGN.md "Layout"), and no modules import each other. core is
// the domain: it imports only core, contract and a short allow-list of pure packages, so
// whatever talks to the outside (a database, Redis, SMTP, SMS providers, argon2) lives in
// store/ or adapters/. Those depend on core; only server and cli import adapters, to wire them
// in. contract, client and web stay browser-safe. test/architecture.test.ts runs this, with a
// deliberately wrong fixture, so a wrong-way import fails the tests.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-import-loops",
      comment: "modules import each other one way only, so each can be read (and tested) before the ones that use it",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "core-is-framework-free",
      comment: "core/ imports only core, contract and pure packages: computation over values, no I/O and no framework",
      severity: "error",
      from: { path: "^src/core/" },
      to: {
        pathNot: [
          "^src/(core|contract)/",
          // Pure computation over values: validation, user agents, IP addresses, phone numbers, WebAuthn checks.
          "node_modules/(zod|bowser|ipaddr\\.js|libphonenumber-js|@simplewebauthn/server)/",
          // The words of emails, texts and API messages: message catalogues (data), filled in by Lingui.
          "^src/locales/",
          "node_modules/@lingui/(core|message-utils)/",
          // Hashing, HMAC and randomness (the random source handed to services is built on it).
          "^(node:)?crypto$",
          // Only to read the common-password list that ships beside its module (see the next rule).
          "^(node:)?fs$",
        ],
      },
    },
    {
      name: "core-reads-only-its-own-data",
      comment: "node:fs in core reads the common-password list shipped with the module, and nothing else",
      severity: "error",
      from: { path: "^src/core/", pathNot: "^src/core/passwords/common-passwords\\.ts$" },
      to: { path: "^(node:)?fs$" },
    },
    {
      name: "verifier-stands-alone",
      comment: "verifier/ runs inside the platform's other services: it takes nothing of Usher's but the browser-safe contract",
      severity: "error",
      from: { path: "^src/verifier/" },
      to: { path: "^src/", pathNot: "^src/(verifier|contract)/" },
    },
    {
      name: "only-server-and-cli-use-adapters",
      comment: "adapters/ implement core's ports against the outside; server and cli choose and wire them",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/(server|cli|adapters)/" },
      to: { path: "^src/adapters/" },
    },
    {
      name: "contract-is-browser-safe",
      comment: "contract/ holds schemas and codes only: zod, and nothing of Node or of our other layers",
      severity: "error",
      from: { path: "^src/contract/" },
      to: { pathNot: ["^src/contract/", "node_modules/zod/"] },
    },
    {
      name: "adapters-serve-core",
      comment: "adapters/ use core, contract, store (the database they share) and their own packages",
      severity: "error",
      from: { path: "^src/adapters/" },
      to: { path: "^src/(server|cli|web|client)/" },
    },
    {
      name: "store-serves-core",
      severity: "error",
      from: { path: "^src/store/" },
      to: { path: "^src/(server|cli|web|client)/" },
    },
    {
      name: "server-does-not-use-cli",
      severity: "error",
      from: { path: "^src/server/" },
      to: { path: "^src/(cli|web)/" },
    },
    {
      name: "web-uses-only-contract",
      comment: "web/ uses the contract, the typed client and its own message catalogues, nothing of the service's inside",
      severity: "error",
      from: { path: "^src/web/" },
      to: { path: "^src/", pathNot: ["^src/(web|contract|client)/", "^src/locales/[a-z]+/web/"] },
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
