import { describe, expect, it } from "vitest";
import { keepingReturnTo, safeReturnPath, signInReturningTo } from "./return-to";

describe("return after sign-in", () => {
  it("keeps a path on this site, with its query", () => {
    expect(safeReturnPath("/tv?code=BCDF-GHJK")).toBe("/tv?code=BCDF-GHJK");
    const query = signInReturningTo("/tv?code=BCDF-GHJK", "reason=sign-in-for-tv").split("?").slice(1).join("?");
    expect(new URLSearchParams(query).get("reason")).toBe("sign-in-for-tv");
    expect(safeReturnPath(new URLSearchParams(query).get("next"))).toBe("/tv?code=BCDF-GHJK");
  });

  it("keeps the way back between the sign-in pages", () => {
    expect(keepingReturnTo("/sign-in/code", null)).toBe("/sign-in/code");
    const kept = keepingReturnTo("/sign-in/code", "/tv?code=BCDF-GHJK");
    expect(safeReturnPath(new URLSearchParams(kept.split("?")[1]).get("next"))).toBe("/tv?code=BCDF-GHJK");
  });

  it("refuses anything that could leave the site", () => {
    for (const value of ["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", "tv", "", null]) {
      expect(safeReturnPath(value)).toBeNull();
    }
  });
});
