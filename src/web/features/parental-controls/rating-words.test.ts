import { describe, expect, it } from "vitest";
import { showLanguageInTests } from "../../lib/show-language-in-tests";
import { allowedFor, alreadyRated, kidsLimitHint, ratingLabel, savedRating } from "./rating-words";

describe("maturity ratings in words", () => {
  it("labels each rating as the highest one a profile sees", () => {
    showLanguageInTests("en");
    expect(ratingLabel("All")).toBe("All ages");
    expect(ratingLabel("13+")).toBe("13+ and below");
    expect(savedRating("Robin", "All")).toBe("Saved. Robin now sees titles rated for all ages.");
    expect(savedRating("Robin", "7+")).toBe("Saved. Robin now sees titles rated 7+ and below.");
    expect(alreadyRated("Robin", "16+")).toBe("Robin already sees titles rated 16+ and below. Choose another rating to change it.");
    expect(kidsLimitHint()).toBe("Kids profiles can watch up to 13+");
  });

  it("says the same in Spanish and Arabic, the rating's code unchanged", () => {
    showLanguageInTests("es");
    expect(ratingLabel("All")).toBe("Todas las edades");
    expect(ratingLabel("13+")).toBe("13+ o menos");
    expect(savedRating("Robin", "7+")).toBe("Guardado. Ahora Robin ve títulos con clasificación 7+ o menos.");
    showLanguageInTests("ar");
    expect(ratingLabel("All")).toBe("جميع الأعمار");
    expect(ratingLabel("13+")).toBe("13+ وما دونه");
    expect(alreadyRated("روبن", "All")).toBe("يشاهد روبن بالفعل العناوين المصنفة لجميع الأعمار. اختر تصنيفًا آخر لتغييره.");
  });

  it("lets a Kids profile go up to 13+, and any other profile up to 18+", () => {
    expect(allowedFor(true, "13+")).toBe(true);
    expect(allowedFor(true, "16+")).toBe(false);
    expect(allowedFor(true, "18+")).toBe(false);
    expect(allowedFor(false, "18+")).toBe(true);
  });
});
