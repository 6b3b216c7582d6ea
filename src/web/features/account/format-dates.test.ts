import { afterAll, describe, expect, it } from "vitest";
import { showLanguageInTests } from "../../lib/show-language-in-tests";
import { lastChanged, monthAndYear } from "./format-dates";
import { planName } from "./plan-name";

const now = new Date(2026, 10, 21, 15, 0);
const daysAgo = (days: number) => new Date(2026, 10, 21 - days, 9, 0).toISOString();

describe("the account page's dates and plans in words", () => {
  afterAll(() => showLanguageInTests("en"));

  it("says when the password was last changed, in English", () => {
    showLanguageInTests("en");
    expect(lastChanged(daysAgo(0), now)).toBe("Last changed today");
    expect(lastChanged(daysAgo(1), now)).toBe("Last changed yesterday");
    expect(lastChanged(daysAgo(3), now)).toBe("Last changed 3 days ago");
    expect(lastChanged(daysAgo(10), now)).toBe("Last changed on November 11, 2026");
    expect(monthAndYear(daysAgo(0))).toBe("November 2026");
    expect(planName("standard")).toBe("Standard");
  });

  it("says it in Spanish and Arabic, with Arabic's plural forms", () => {
    showLanguageInTests("es");
    expect(lastChanged(daysAgo(3), now)).toBe("Último cambio: hace 3 días");
    expect(lastChanged(daysAgo(10), now)).toBe("Último cambio: 11 de noviembre de 2026");
    expect(planName("basic")).toBe("Básico");
    showLanguageInTests("ar");
    expect(lastChanged(daysAgo(1), now)).toBe("آخر تغيير: أمس");
    expect(lastChanged(daysAgo(2), now)).toBe("آخر تغيير: منذ يومين");
    expect(lastChanged(daysAgo(5), now)).toBe("آخر تغيير: منذ 5 أيام");
    expect(planName("premium")).toBe("المميزة");
  });

  it("names a plan it doesn't know by its id", () => {
    showLanguageInTests("en");
    expect(planName("family")).toBe("Family");
  });
});
