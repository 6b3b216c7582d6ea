// The password-strength estimator behind the sign-up meter. Its dictionaries weigh several
// hundred kilobytes, so this module is only ever loaded with import() once the page is up.
import { type Score, ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";
import { zxcvbnEnglish } from "./zxcvbn-en";

export interface Strength {
  score: Score;
  warning: string | undefined;
  suggestion: string | undefined;
}

const zxcvbn = new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs, translations: zxcvbnEnglish });

/** How hard the password is to guess; `hints` (the email, a name) count as known words. */
export function estimateStrength(password: string, hints: string[] = []): Strength {
  const result = zxcvbn.check(password, hints.filter(Boolean));
  return {
    score: result.score,
    warning: result.feedback.warning || undefined,
    suggestion: result.feedback.suggestions[0],
  };
}
