// A title's kind and genres in the shown language.
import { describe, expect, it } from "vitest";
import { showLanguageInTests } from "../../lib/show-language-in-tests";
import { genreList, genreName, titleKindName } from "./title-words";

describe("title words", () => {
  it("names kinds and genres in English as the catalogue spells them", () => {
    showLanguageInTests("en");
    expect(titleKindName("Film")).toBe("Film");
    expect(titleKindName("Series")).toBe("Series");
    expect(genreName("Sci-fi")).toBe("Sci-fi");
    expect(genreList(["Drama", "Comedy", "Family"])).toBe("Drama, Comedy, Family");
  });

  it("names them in Spanish and Arabic", () => {
    showLanguageInTests("es");
    expect(titleKindName("Film")).toBe("Película");
    expect(genreList(["Sci-fi", "Animation"])).toBe("Ciencia ficción y Animación");
    showLanguageInTests("ar");
    expect(titleKindName("Series")).toBe("مسلسل");
    expect(genreName("Documentary")).toBe("وثائقي");
  });
});
