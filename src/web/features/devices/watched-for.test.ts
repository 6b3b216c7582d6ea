import { beforeEach, describe, expect, it } from "vitest";
import { showLanguageInTests } from "../../lib/show-language-in-tests";
import { watchedFor } from "./watched-for";

const start = "2026-11-21T20:00:00.000Z";
const endedAfter = (seconds: number) => new Date(Date.parse(start) + seconds * 1000).toISOString();

describe("how long a stream played", () => {
  beforeEach(() => showLanguageInTests("en"));

  it("says less than a minute for a stream stopped within its first minute", () => {
    expect(watchedFor(start, start)).toBe("less than a minute");
    expect(watchedFor(start, endedAfter(59))).toBe("less than a minute");
  });

  it("counts whole minutes, rounded down", () => {
    expect(watchedFor(start, endedAfter(60))).toBe("1 minute");
    expect(watchedFor(start, endedAfter(119))).toBe("1 minute");
    expect(watchedFor(start, endedAfter(45 * 60 + 30))).toBe("45 minutes");
    expect(watchedFor(start, endedAfter(59 * 60 + 59))).toBe("59 minutes");
  });

  it("says hours, and the minutes past them only when there are some", () => {
    expect(watchedFor(start, endedAfter(3600))).toBe("1 hour");
    expect(watchedFor(start, endedAfter(3600 + 60))).toBe("1 hour 1 minute");
    expect(watchedFor(start, endedAfter(2 * 3600 + 5 * 60))).toBe("2 hours 5 minutes");
    expect(watchedFor(start, endedAfter(26 * 3600))).toBe("26 hours");
  });

  it("never says a negative time when the end is stamped before the start", () => {
    expect(watchedFor(endedAfter(120), start)).toBe("less than a minute");
  });

  it("says it in Spanish", () => {
    showLanguageInTests("es");
    expect(watchedFor(start, start)).toBe("menos de un minuto");
    expect(watchedFor(start, endedAfter(60))).toBe("1 minuto");
    expect(watchedFor(start, endedAfter(45 * 60))).toBe("45 minutos");
    expect(watchedFor(start, endedAfter(3600 + 60))).toBe("1 hora y 1 minuto");
    expect(watchedFor(start, endedAfter(2 * 3600 + 5 * 60))).toBe("2 horas y 5 minutos");
  });

  it("says it in Arabic, with its one, two, few and many forms", () => {
    showLanguageInTests("ar");
    expect(watchedFor(start, start)).toBe("أقل من دقيقة");
    expect(watchedFor(start, endedAfter(60))).toBe("دقيقة واحدة");
    expect(watchedFor(start, endedAfter(2 * 60))).toBe("دقيقتان");
    expect(watchedFor(start, endedAfter(5 * 60))).toBe("5 دقائق");
    expect(watchedFor(start, endedAfter(45 * 60))).toBe("45 دقيقة");
    expect(watchedFor(start, endedAfter(2 * 3600))).toBe("ساعتان");
    expect(watchedFor(start, endedAfter(3600 + 3 * 60))).toBe("ساعة واحدة و3 دقائق");
  });
});
