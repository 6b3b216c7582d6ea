import { beforeEach, describe, expect, it } from "vitest";
import { t } from "../../lib/i18n";
import { showLanguageInTests } from "../../lib/show-language-in-tests";
import { signedOutSaid } from "./components/sign-out-step";
import { describeTwoStep, type TwoStepStatus } from "./describe-two-step";

const status = (state: Partial<TwoStepStatus>): TwoStepStatus => ({
  enabled: true,
  totp: false,
  passkeys: 0,
  passkeyStep: false,
  backupCodesLeft: 10,
  ...state,
});

describe("the review step's line about two-step verification", () => {
  beforeEach(() => showLanguageInTests("en"));

  it("says it is off, and what turning it on does", () => {
    expect(describeTwoStep(status({ enabled: false, passkeys: 2 }))).toBe(
      "Two-step verification is off. Turning it on keeps anyone with your password alone out.",
    );
  });

  it("names the authenticator app and counts the passkeys", () => {
    expect(describeTwoStep(status({ totp: true }))).toBe(
      "Two-step verification is on, with an authenticator app. Remove anything you don't recognise.",
    );
    expect(describeTwoStep(status({ passkeyStep: true, passkeys: 1 }))).toBe(
      "Two-step verification is on, with 1 passkey. Remove anything you don't recognise.",
    );
    expect(describeTwoStep(status({ totp: true, passkeys: 3 }))).toBe(
      "Two-step verification is on, with an authenticator app and 3 passkeys. Remove anything you don't recognise.",
    );
  });

  it("says it in Spanish and Arabic, with each language's plurals", () => {
    showLanguageInTests("es");
    expect(describeTwoStep(status({ passkeys: 1 }))).toBe(
      "La verificación en dos pasos está activada, con 1 llave de acceso. Quita todo lo que no reconozcas.",
    );
    expect(describeTwoStep(status({ totp: true, passkeys: 2 }))).toBe(
      "La verificación en dos pasos está activada, con una app de autenticación y 2 llaves de acceso. Quita todo lo que no reconozcas.",
    );
    showLanguageInTests("ar");
    expect(describeTwoStep(status({ passkeys: 2 }))).toBe("التحقق بخطوتين مفعّل باستخدام مفتاحَي مرور. أزل أي شيء لا تتعرّف عليه.");
    expect(describeTwoStep(status({ passkeys: 3 }))).toBe("التحقق بخطوتين مفعّل باستخدام 3 مفاتيح مرور. أزل أي شيء لا تتعرّف عليه.");
    expect(describeTwoStep(status({ passkeys: 11 }))).toBe("التحقق بخطوتين مفعّل باستخدام 11 مفتاح مرور. أزل أي شيء لا تتعرّف عليه.");
  });
});

describe("the sign-out step's line once done", () => {
  const said = (count: number) => {
    const { id, values } = signedOutSaid(count);
    return t(id, values);
  };

  it("says how many other devices were signed out", () => {
    showLanguageInTests("en");
    expect(said(0)).toBe("No other devices were signed in. Only this device is signed in now.");
    expect(said(1)).toBe("1 other device was signed out. Only this device is signed in now.");
    expect(said(2)).toBe("2 other devices were signed out. Only this device is signed in now.");
  });

  it("says it in Spanish and Arabic, with each language's plurals", () => {
    showLanguageInTests("es");
    expect(said(1)).toBe("Se cerró la sesión en 1 dispositivo más. Ahora la sesión solo está iniciada en este dispositivo.");
    expect(said(4)).toBe("Se cerró la sesión en 4 dispositivos más. Ahora la sesión solo está iniciada en este dispositivo.");
    showLanguageInTests("ar");
    expect(said(0)).toBe("لم يكن أي جهاز آخر مسجَّل الدخول. أصبح هذا الجهاز وحده مسجَّل الدخول الآن.");
    expect(said(2)).toBe("تم تسجيل الخروج من جهازين آخرين. أصبح هذا الجهاز وحده مسجَّل الدخول الآن.");
    expect(said(5)).toBe("تم تسجيل الخروج من 5 أجهزة أخرى. أصبح هذا الجهاز وحده مسجَّل الدخول الآن.");
    expect(said(12)).toBe("تم تسجيل الخروج من 12 جهازًا آخر. أصبح هذا الجهاز وحده مسجَّل الدخول الآن.");
  });
});
