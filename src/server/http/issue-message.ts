// The words of one field-level problem (VALIDATION_FAILED's `issues`) in the request's language:
// Usher's own messages from the API catalogue (its `issue.*` phrases, whose English is what the
// contract's schemas say), zod's own checks in zod's translation, anything else as it is.
import { z } from "zod";
import type { Language } from "../../contract/languages";
import { translate } from "../../core/i18n/translations";
import englishApi from "../../locales/en/api.json";

type IssueId = Extract<keyof typeof englishApi, `issue.${string}`>;

const ownIssues = new Map(
  Object.entries(englishApi)
    .filter(([id]) => id.startsWith("issue."))
    .map(([id, english]) => [english, id as IssueId]),
);

const zodLocales = { en: z.locales.en(), es: z.locales.es(), ar: z.locales.ar() };

/** A zod issue as fastify-type-provider-zod hands it on: its code as `keyword`, the rest in `params`. */
export interface ValidationIssue {
  keyword?: string;
  message?: string;
  params?: Record<string, unknown>;
}

export function issueMessage(issue: ValidationIssue, language: Language): string {
  const english = issue.message ?? "Not valid.";
  const own = ownIssues.get(english);
  if (own) return translate(language, own);
  // A refinement's words are its schema's own: only zod's checks speak zod's words.
  if (language === "en" || !issue.keyword || issue.keyword === "custom") return english;
  const zodIssue = { ...issue.params, code: issue.keyword, message: english } as Parameters<(typeof zodLocales)["en"]["localeError"]>[0];
  const translated = zodLocales[language].localeError(zodIssue);
  return typeof translated === "string" ? translated : (translated?.message ?? english);
}
