// A Vite plugin that compiles the web app's message catalogues (src/locales/<language>/web/*.json,
// ICU MessageFormat) into Lingui's ready-to-run form as they are bundled, so the browser needs
// no message parser. A phrase that doesn't parse fails the build, naming its file and id.
import { compileMessageOrThrow } from "@lingui/message-utils/compileMessage";
import type { Plugin } from "vite";

const CATALOGUE = /\/src\/locales\/[a-z]{2}\/web\/[^/]+\.json$/;

export function messageCatalogues(): Plugin {
  return {
    name: "usher-message-catalogues",
    // Before Vite's JSON plugin, which then turns the compiled catalogue (still JSON) into a module.
    enforce: "pre",
    transform(code, id) {
      if (!CATALOGUE.test(id)) return null;
      const catalogue = JSON.parse(code) as Record<string, string>;
      const compiled = Object.entries(catalogue).map(([messageId, message]) => {
        try {
          return [messageId, compileMessageOrThrow(message)];
        } catch (error) {
          throw new Error(`${id}: "${messageId}" is not a valid ICU message: ${(error as Error).message}`);
        }
      });
      return { code: JSON.stringify(Object.fromEntries(compiled)), map: null };
    },
  };
}
