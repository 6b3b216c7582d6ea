import { describe, expect, it } from "vitest";
import { allowedFor, ratedPhrase, ratingLabel } from "./rating-words";

describe("maturity ratings in words", () => {
  it("labels each rating as the highest one a profile sees", () => {
    expect(ratingLabel("All")).toBe("All ages");
    expect(ratingLabel("13+")).toBe("13+ and below");
    expect(`titles rated ${ratedPhrase("All")}`).toBe("titles rated for all ages");
    expect(`titles rated ${ratedPhrase("7+")}`).toBe("titles rated 7+ and below");
  });

  it("lets a Kids profile go up to 13+, and any other profile up to 18+", () => {
    expect(allowedFor(true, "13+")).toBe(true);
    expect(allowedFor(true, "16+")).toBe(false);
    expect(allowedFor(true, "18+")).toBe(false);
    expect(allowedFor(false, "18+")).toBe(true);
  });
});
