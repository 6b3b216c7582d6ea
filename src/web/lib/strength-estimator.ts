// The password-strength estimator behind the sign-up meter. Its dictionaries weigh several
// hundred kilobytes, so this module is only ever loaded with import() once the page is up.
import { type Score, type TranslationKeys, ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";
import { t } from "./i18n";

export interface Strength {
  score: Score;
  warning: string | undefined;
  suggestion: string | undefined;
}

// Without translations zxcvbn answers its feedback keys ("straightRow"); the words for them are
// Usher's own, in the catalogues, so the advice follows the shown language.
const zxcvbn = new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });

type WarningKey = keyof TranslationKeys["warnings"];
type SuggestionKey = keyof TranslationKeys["suggestions"];

/** How hard the password is to guess; `hints` (the email, a name) count as known words. */
export function estimateStrength(password: string, hints: string[] = []): Strength {
  const result = zxcvbn.check(password, hints.filter(Boolean));
  const warning = result.feedback.warning as WarningKey | null;
  const suggestion = result.feedback.suggestions[0] as SuggestionKey | undefined;
  return {
    score: result.score,
    warning: warning ? t(`common.passwordStrength.warning.${warning}`) : undefined,
    suggestion: suggestion ? t(`common.passwordStrength.suggestion.${suggestion}`) : undefined,
  };
}
