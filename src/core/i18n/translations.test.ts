// The server's catalogues hold together: every language has the same ids with the same
// placeholders and tags, every message compiles, and no email or text phrase is left unused.
import { readdirSync, readFileSync } from "node:fs";
import { type CompiledMessage, compileMessageOrThrow } from "@lingui/message-utils/compileMessage";
import { describe, expect, it } from "vitest";
import { errorCatalogue } from "../../contract/errors";
import { type Language, languages } from "../../contract/languages";
import arApi from "../../locales/ar/api.json";
import arEmails from "../../locales/ar/emails.json";
import enApi from "../../locales/en/api.json";
import enEmails from "../../locales/en/emails.json";
import esApi from "../../locales/es/api.json";
import esEmails from "../../locales/es/emails.json";

const catalogues: Record<"api" | "emails", Record<Language, Record<string, string>>> = {
  api: { en: enApi, es: esApi, ar: arApi },
  emails: { en: enEmails, es: esEmails, ar: arEmails },
};

/** A message's placeholders and numbered tags ("<0>"), sorted: what every translation must keep. */
function slots(message: string): string[] {
  const names = new Set<string>();
  const walk = (compiled: CompiledMessage) => {
    for (const token of compiled) {
      if (typeof token === "string") continue;
      const [name, , format] = token;
      names.add(`{${name}}`);
      if (format && typeof format === "object")
        for (const branch of Object.values(format)) if (Array.isArray(branch)) walk(branch as CompiledMessage);
    }
  };
  walk(compileMessageOrThrow(message));
  for (const tag of message.match(/<\/?\d+>/g) ?? []) names.add(tag);
  return [...names].sort();
}

describe.each(Object.keys(catalogues) as (keyof typeof catalogues)[])("the %s catalogues", (kind) => {
  const english = catalogues[kind].en;

  it.each(languages)("%s has exactly the English ids", (language) => {
    expect(Object.keys(catalogues[kind][language]).sort()).toEqual(Object.keys(english).sort());
  });

  it.each(languages)("every %s message compiles and keeps the English placeholders", (language) => {
    for (const [id, message] of Object.entries(catalogues[kind][language])) {
      expect(() => compileMessageOrThrow(message), `${language} ${id}`).not.toThrow();
      expect(slots(message), `${language} ${id}`).toEqual(slots(english[id] ?? ""));
    }
  });
});

describe("the emails catalogue", () => {
  it("holds only phrases some template says", () => {
    const dir = new URL("../delivery/templates/", import.meta.url);
    const sources = readdirSync(dir)
      .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"))
      .map((file) => readFileSync(new URL(file, dir), "utf8"))
      .join("\n");
    const unused = Object.keys(enEmails).filter((id) => !sources.includes(`"${id}"`));
    expect(unused).toEqual([]);
  });

  it("writes Arabic plurals in all six of Arabic's forms", () => {
    for (const [id, message] of Object.entries(arEmails as Record<string, string>))
      if (message.includes(", plural,"))
        for (const form of ["zero", "one", "two", "few", "many", "other"]) expect(message, id).toContain(` ${form} {`);
  });
});

describe("the API catalogue", () => {
  it("words every error code, and nothing else but the field-level problems' issue.* phrases", () => {
    const codes = Object.keys(enApi).filter((id) => !id.startsWith("issue."));
    expect(codes.sort()).toEqual(Object.keys(errorCatalogue).sort());
  });

  it("keeps each issue.* phrase's English exactly as a contract schema writes it", () => {
    const schemas = readdirSync(new URL("../../contract/schemas/", import.meta.url))
      .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"))
      .map((file) => readFileSync(new URL(`../../contract/schemas/${file}`, import.meta.url), "utf8"))
      .join("\n");
    for (const [id, english] of Object.entries(enApi).filter(([id]) => id.startsWith("issue."))) {
      expect(schemas.includes(JSON.stringify(english)) || schemas.includes(`'${english}'`), id).toBe(true);
    }
  });
});
