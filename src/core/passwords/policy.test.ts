import { describe, expect, it } from "vitest";
import { commonPasswordCount, isCommonPassword } from "./common-passwords";
import { checkNewPassword, normalizePassword } from "./policy";

describe("password policy", () => {
  it("refuses a password shorter than 8 characters", () => {
    expect(checkNewPassword("Xk9#mq2")).toEqual({ ok: false, code: "PASSWORD_TOO_SHORT" });
  });

  it("counts length after NFKC: 8 code points that compose into 4 are too short", () => {
    const decomposed = "e\u0301".repeat(4); // "é" typed as e + combining acute, four times
    expect([...decomposed].length).toBe(8);
    expect(checkNewPassword(decomposed)).toEqual({ ok: false, code: "PASSWORD_TOO_SHORT" });
  });

  it("counts length after NFKC: 128 ligatures that expand to 384 letters are too long", () => {
    const ligatures = "\ufb03".repeat(128); // "ﬃ" normalises to "ffi"
    expect(checkNewPassword(ligatures)).toEqual({ ok: false, code: "PASSWORD_TOO_LONG" });
  });

  it("refuses 129 characters and accepts 128", () => {
    const base = "Tq7#vLm2pZ9!wR4k";
    expect(checkNewPassword(`${base.repeat(8)}x`)).toEqual({ ok: false, code: "PASSWORD_TOO_LONG" });
    expect(checkNewPassword(base.repeat(8))).toEqual({ ok: true, value: base.repeat(8) });
  });

  it("counts code points, not UTF-16 units: 8 emoji are long enough, 128 are not too long", () => {
    expect(checkNewPassword("🦊🐙🌵🚲🎻🧊🪐🍋").ok).toBe(true);
    expect(checkNewPassword("🦊🐙🌵🚲🎻🧊🪐🍋".repeat(16)).ok).toBe(true);
    expect(checkNewPassword(`${"🦊🐙🌵🚲🎻🧊🪐🍋".repeat(16)}🦊`)).toEqual({ ok: false, code: "PASSWORD_TOO_LONG" });
  });

  it.each(["password123", "iloveyou", "PassWord123", "ILOVEYOU", "qwertyuiop"])(
    "refuses the common password %s, whatever its case",
    (password) => {
      expect(checkNewPassword(password)).toEqual({ ok: false, code: "PASSWORD_TOO_COMMON" });
    },
  );

  it("refuses a common password typed in full-width characters, which NFKC folds to ASCII", () => {
    expect(checkNewPassword("ｐａｓｓｗｏｒｄ１２３")).toEqual({ ok: false, code: "PASSWORD_TOO_COMMON" });
    expect(isCommonPassword("ＩＬＯＶＥＹＯＵ")).toBe(true);
  });

  it("accepts a strong password and answers its normalized form", () => {
    expect(checkNewPassword("correct horse battery staple")).toEqual({ ok: true, value: "correct horse battery staple" });
    expect(checkNewPassword("Caf\u0065\u0301-Lumière-42")).toEqual({ ok: true, value: "Café-Lumière-42".normalize("NFKC") });
  });

  it("normalizes to NFKC so the same password typed two ways hashes the same", () => {
    expect(normalizePassword("e\u0301")).toBe("\u00e9");
    expect(normalizePassword("ｐａｓｓ")).toBe("pass");
  });

  it("ships an offline list of at least 10,000 common passwords", () => {
    expect(commonPasswordCount()).toBeGreaterThanOrEqual(10_000);
    expect(isCommonPassword("Xk9#mq2-Tq7#vLm2")).toBe(false);
  });
});
