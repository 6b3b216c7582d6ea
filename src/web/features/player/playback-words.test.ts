// What the player says: why it stopped, how long ago a screen started, and where it is in a title.
import { beforeEach, describe, expect, it } from "vitest";
import { showLanguageInTests } from "../../lib/show-language-in-tests";
import { deviceKindName, endedWords, playbackClock, runtimeSeconds, startedAgo } from "./playback-words";

beforeEach(() => showLanguageInTests("en"));

describe("endedWords", () => {
  it("says in plain words why playback stopped, and offers Play again unless this device was signed out or the title blocked", () => {
    expect(endedWords("stopped_from_another_device")).toMatchObject({
      heading: "Playback stopped from another device",
      canPlayAgain: true,
    });
    expect(endedWords("signed_out")).toMatchObject({ heading: "This device was signed out", canPlayAgain: false });
    expect(endedWords("expired")).toMatchObject({ heading: "Playback stopped: this screen was idle too long", canPlayAgain: true });
    expect(endedWords("stopped").heading).toBe("Playback stopped");
    expect(endedWords("restricted")).toMatchObject({
      heading: "Playback stopped: this title was blocked on this profile by its parental controls.",
      canPlayAgain: false,
    });
  });

  it("says it in Spanish and Arabic", () => {
    showLanguageInTests("es");
    expect(endedWords("signed_out").heading).toBe("Se cerró la sesión en este dispositivo");
    showLanguageInTests("ar");
    expect(endedWords("stopped").heading).toBe("توقف التشغيل");
  });
});

describe("startedAgo", () => {
  const now = Date.parse("2026-03-01T12:00:00Z");
  const ago = (seconds: number) => startedAgo(new Date(now - seconds * 1000).toISOString(), now);

  it("says just now for the first minute, then minutes, hours and days", () => {
    expect(ago(0)).toBe("Started just now");
    expect(ago(59)).toBe("Started just now");
    expect(ago(60)).toBe("Started 1 minute ago");
    expect(ago(5 * 60 + 30)).toBe("Started 5 minutes ago");
    expect(ago(2 * 3600)).toBe("Started 2 hours ago");
    expect(ago(26 * 3600)).toBe("Started yesterday");
  });

  it("treats a start a little ahead of this device's clock as just now", () => {
    expect(ago(-30)).toBe("Started just now");
  });

  it("says it in Spanish and Arabic, with each language's plurals", () => {
    showLanguageInTests("es");
    expect(ago(0)).toBe("Empezó hace un momento");
    expect(ago(60)).toBe("Empezó hace 1 minuto");
    expect(ago(5 * 60)).toBe("Empezó hace 5 minutos");
    expect(ago(26 * 3600)).toBe("Empezó ayer");
    showLanguageInTests("ar");
    expect(ago(0)).toBe("بدأت المشاهدة للتو");
    expect(ago(2 * 3600)).toBe("بدأت المشاهدة قبل ساعتين");
    expect(ago(26 * 3600)).toBe("بدأت المشاهدة أمس");
  });
});

describe("deviceKindName", () => {
  it("names a device's kind, and any other as a device", () => {
    expect(deviceKindName("mobile")).toBe("Phone");
    expect(deviceKindName("console")).toBe("Device");
    showLanguageInTests("es");
    expect(deviceKindName("web")).toBe("Navegador");
    showLanguageInTests("ar");
    expect(deviceKindName("tv")).toBe("تلفزيون");
  });
});

describe("playbackClock", () => {
  it("shows minutes and seconds, with hours once there are some", () => {
    expect(playbackClock(0)).toBe("0:00");
    expect(playbackClock(65.9)).toBe("1:05");
    expect(playbackClock(3600 + 2 * 60 + 9)).toBe("1:02:09");
  });
});

describe("runtimeSeconds", () => {
  it("gives a film 85 to 144 minutes and an episode 22 to 57, the same every time", () => {
    for (const id of ["the-lantern-keepers", "a", "moonlit-harbour", "zz-9"]) {
      const film = runtimeSeconds({ id, kind: "Film" }) / 60;
      const episode = runtimeSeconds({ id, kind: "Series" }) / 60;
      expect(film).toBeGreaterThanOrEqual(85);
      expect(film).toBeLessThanOrEqual(144);
      expect(episode).toBeGreaterThanOrEqual(22);
      expect(episode).toBeLessThanOrEqual(57);
      expect(runtimeSeconds({ id, kind: "Film" })).toBe(film * 60);
    }
  });
});
