import { describe, expect, it } from "vitest";
import { safeReturnPath, signInReturningTo } from "./return-to";

describe("return after sign-in", () => {
  it("keeps a path on this site, with its query", () => {
    expect(safeReturnPath("/tv?code=BCDF-GHJK")).toBe("/tv?code=BCDF-GHJK");
    expect(safeReturnPath(new URLSearchParams(signInReturningTo("/tv?code=BCDF-GHJK")).get("next"))).toBe("/tv?code=BCDF-GHJK");
  });

  it("refuses anything that could leave the site", () => {
    for (const value of ["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", "tv", "", null]) {
      expect(safeReturnPath(value)).toBeNull();
    }
  });
});
