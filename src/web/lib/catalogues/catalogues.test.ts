// The web app's message catalogues against each other and against the code: every language has
// every phrase English has, with the same placeholders, each compiles, and no phrase is left that
// the code no longer uses (nor used that no catalogue has).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { compileMessageOrThrow } from "@lingui/message-utils/compileMessage";
import { describe, expect, it } from "vitest";
import { languages } from "../../../contract/languages";
import arabic from "./ar";
import english from "./en";
import spanish from "./es";

const catalogues = { en: english, es: spanish, ar: arabic } as Record<string, Record<string, string>>;
const web = join(import.meta.dirname, "../..");

/**
 * The placeholders a message fills (`name`, `count`) and the markup it wraps (`<0>`), from its
 * compiled form. How a translation uses a value (plainly, or choosing words by it) is its own.
 */
function placeholders(message: string): string[] {
  const found = new Set<string>();
  for (const tag of message.matchAll(/<(\d+)>/g)) found.add(`<${tag[1]}>`);
  const walk = (tokens: unknown): void => {
    if (!Array.isArray(tokens)) return;
    for (const token of tokens) {
      if (!Array.isArray(token)) continue;
      const [name, , choices] = token as [string, string?, unknown?];
      found.add(name);
      if (choices && typeof choices === "object") for (const choice of Object.values(choices)) walk(choice);
    }
  };
  walk(compileMessageOrThrow(message));
  return [...found].sort();
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === "catalogues" ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const prefixes = Object.keys(english).map((id) => id.split(".")[0]!);
const idPattern = new RegExp(`["'\`]((?:${[...new Set(prefixes)].join("|")})\\.[A-Za-z0-9_.-]+?)(\\.?)(["'\`]|\\$\\{)`, "g");

/** Ids written whole in the code, and the beginnings of ids it builds (`watching.genre.${id}`). */
function idsInCode(): { whole: Set<string>; built: string[] } {
  const whole = new Set<string>();
  const built: string[] = [];
  for (const file of sourceFiles(web)) {
    for (const [, id, dot, end] of readFileSync(file, "utf8").matchAll(idPattern)) {
      if (end === "${") built.push(`${id}${dot}`);
      else whole.add(id!);
    }
  }
  return { whole, built };
}

describe("the web app's message catalogues", () => {
  it.each(languages.filter((language) => language !== "en"))("%s has exactly English's phrases, with the same placeholders", (language) => {
    const catalogue = catalogues[language]!;
    expect(Object.keys(catalogue).sort()).toEqual(Object.keys(english).sort());
    for (const [id, message] of Object.entries(english)) {
      expect(placeholders(catalogue[id] ?? ""), `${language} ${id}`).toEqual(placeholders(message));
    }
  });

  it.each(languages)("every %s phrase is a valid ICU message that isn't left empty or untranslated English", (language) => {
    for (const [id, message] of Object.entries(catalogues[language]!)) {
      expect(() => compileMessageOrThrow(message), `${language} ${id}`).not.toThrow();
      expect(message.trim(), `${language} ${id}`).not.toBe("");
      expect(message, `${language} ${id}`).not.toBe(id);
    }
  });

  it("gives Arabic plurals every form Arabic counts with", () => {
    for (const [id, message] of Object.entries(arabic as Record<string, string>)) {
      if (!/,\s*plural\s*,/.test(message)) continue;
      for (const form of ["zero", "one", "two", "few", "many", "other"]) expect(message, id).toMatch(new RegExp(`\\b${form}\\s*\\{`));
    }
  });

  it("holds every phrase the code uses, and none it doesn't", () => {
    const { whole, built } = idsInCode();
    const missing = [...whole].filter((id) => !(id in english));
    expect(missing, "ids the code uses that English lacks").toEqual([]);
    const unused = Object.keys(english).filter((id) => !whole.has(id) && !built.some((start) => id.startsWith(start)));
    expect(unused, "ids no code uses").toEqual([]);
  });
});
