import { beforeEach, describe, expect, it } from "vitest";
import { showLanguageInTests } from "../../lib/show-language-in-tests";
import { activeAgo, startedAgo } from "./format-relative-time";

const now = Date.parse("2026-11-21T20:00:00.000Z");
const ago = (seconds: number) => new Date(now - seconds * 1000).toISOString();

describe("how long ago, in words", () => {
  beforeEach(() => showLanguageInTests("en"));

  it("says a device seen within the last minute is active now", () => {
    expect(activeAgo(ago(0), now)).toBe("Active now");
    expect(activeAgo(ago(59), now)).toBe("Active now");
    // A clock a little ahead of this one is not "in the future".
    expect(activeAgo(new Date(now + 5_000).toISOString(), now)).toBe("Active now");
  });

  it("names the largest whole unit that has passed", () => {
    expect(activeAgo(ago(5 * 60 + 30), now)).toBe("Active 5 minutes ago");
    expect(activeAgo(ago(3600), now)).toBe("Active 1 hour ago");
    expect(activeAgo(ago(24 * 3600), now)).toBe("Active yesterday");
    expect(activeAgo(ago(3 * 7 * 24 * 3600), now)).toBe("Active 3 weeks ago");
  });

  it("says when a device started watching the same way", () => {
    expect(startedAgo(ago(10), now)).toBe("Started just now");
    expect(startedAgo(ago(60), now)).toBe("Started 1 minute ago");
    expect(startedAgo(ago(2 * 3600 + 59 * 60), now)).toBe("Started 2 hours ago");
  });

  it("says it in Spanish", () => {
    showLanguageInTests("es");
    expect(activeAgo(ago(0), now)).toBe("Activo ahora");
    expect(activeAgo(ago(5 * 60 + 30), now)).toBe("Activo hace 5 minutos");
    expect(activeAgo(ago(24 * 3600), now)).toBe("Activo ayer");
    expect(startedAgo(ago(10), now)).toBe("Empezó hace un momento");
    expect(startedAgo(ago(60), now)).toBe("Empezó hace 1 minuto");
  });

  it("says it in Arabic, with the unit's own plural forms", () => {
    showLanguageInTests("ar");
    expect(activeAgo(ago(0), now)).toBe("نشط الآن");
    expect(activeAgo(ago(24 * 3600), now)).toBe("آخر نشاط أمس");
    expect(activeAgo(ago(2 * 3600), now)).toBe("آخر نشاط قبل ساعتين");
    expect(activeAgo(ago(5 * 60), now)).toBe("آخر نشاط قبل 5 دقائق");
    expect(startedAgo(ago(10), now)).toBe("بدأت المشاهدة للتو");
  });
});
