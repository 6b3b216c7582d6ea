import { beforeEach, describe, expect, it } from "vitest";
import { showLanguageInTests } from "./show-language-in-tests";
import { estimateStrength } from "./strength-estimator";

beforeEach(() => showLanguageInTests("en"));

describe("the password-strength estimator", () => {
  it("gives its advice in Usher's words, in the shown language", () => {
    expect(estimateStrength("password")).toMatchObject({
      score: 0,
      warning: "This is one of the most used passwords.",
      suggestion: "Add more words that are less common.",
    });
    showLanguageInTests("es");
    expect(estimateStrength("password").warning).toBe("Es una de las contraseñas más usadas.");
    showLanguageInTests("ar");
    expect(estimateStrength("password").suggestion).toBe("أضف المزيد من الكلمات الأقل شيوعًا.");
  });

  it("stays quiet about a strong password", () => {
    expect(estimateStrength("lantern cobalt ferry thimble")).toMatchObject({ score: 4, warning: undefined });
  });
});
