import { beforeAll, describe, expect, it } from "vitest";
import { pinProblem } from "../../components/ui/pin-field";
import { showLanguageInTests } from "../../lib/show-language-in-tests";
import type { Profile } from "./api/profiles";
import { mainProfile } from "./main-profile";

const profile = (name: string, position: number): Profile => ({
  id: name,
  name,
  avatar: "ocean",
  isKids: false,
  position,
  locked: false,
  language: "en",
});

describe("the main profile", () => {
  it("is the first in the picker, whatever order the list arrives in", () => {
    expect(mainProfile([profile("Sam", 2), profile("Alex", 0), profile("Kim", 1)])?.name).toBe("Alex");
  });

  it("is missing on an account without profiles", () => {
    expect(mainProfile([])).toBeUndefined();
  });
});

describe("a profile PIN", () => {
  beforeAll(() => showLanguageInTests("en"));

  it("is exactly 4 digits", () => {
    expect(pinProblem("0427")).toBeUndefined();
    for (const wrong of ["", "123", "12345", "12a4", " 1234"]) expect(pinProblem(wrong)).toBe("Enter 4 digits.");
  });
});
