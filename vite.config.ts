// Builds the web app (src/web) into dist/web, which the server serves. `npm run dev` runs
// this with hot reload in front of the API server.
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { compression } from "vite-plugin-compression2";
import { messageCatalogues } from "./scripts/vite-message-catalogues.ts";

const api = process.env.USHER_API_URL ?? "http://localhost:3000";

export default defineConfig({
  root: "src/web",
  publicDir: "public",
  // Each asset also as .br and .gz beside it, which the server sends to a browser that takes
  // them: compressed once at build time rather than on every request.
  plugins: [messageCatalogues(), react(), compression({ algorithms: ["brotliCompress", "gzip"] })],
  build: {
    outDir: "../../dist/web",
    emptyOutDir: true,
    manifest: true,
    // The strict CSP allows no inline script; Vite's preload polyfill would be one.
    modulePreload: { polyfill: false },
    reportCompressedSize: true,
    // A few files rather than dozens: on a slow mobile link each file costs a round trip and a
    // browser fetches six at a time, so the shared code travels in two chunks ("app": the
    // components and helpers every page uses; "signed-in": the features and the signed-in
    // layout), and each page's own code in one more. The strength checker's dictionaries, the
    // phone-number library, the TV simulator's and Parental Controls' code stay apart, loaded where they are used,
    // and so does each language's words (lib/catalogues), loaded for the language shown.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: "app", test: /\/src\/web\/(components|lib)\/(?!strength-estimator|catalogues\/)/, priority: 2 },
            {
              name: "signed-in",
              test: /\/src\/web\/(features\/(?!tv\/|phone\/|parental-controls\/)|app\/layouts\/|app\/signed-(in-data|out-pages))/,
              priority: 1,
            },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { "/api": api, "/dev": api, "/healthz": api },
  },
});
