import { beforeEach, describe, expect, it } from "vitest";
import { showLanguageInTests } from "../../lib/show-language-in-tests";
import type { Security } from "./api/security";
import { backupCodesLeft, describeTwoStep, signedOutNotice } from "./describe";

const twoStep = (state: Partial<Security["twoStep"]>): Security["twoStep"] => ({
  enabled: true,
  totp: false,
  passkeyStep: false,
  passkeys: 0,
  backupCodesLeft: 10,
  ...state,
});

describe("two-step verification's state in words", () => {
  beforeEach(() => showLanguageInTests("en"));

  it("says how many backup codes are left", () => {
    expect(backupCodesLeft(0)).toBe("No backup codes left");
    expect(backupCodesLeft(1)).toBe("1 backup code left");
    expect(backupCodesLeft(8)).toBe("8 backup codes left");
  });

  it("names the second steps that are on", () => {
    expect(describeTwoStep(twoStep({ totp: true, backupCodesLeft: 1 }))).toBe("On with Authenticator app · 1 backup code left.");
    expect(describeTwoStep(twoStep({ passkeyStep: true, passkeys: 1 }))).toBe("On with 1 passkey · 10 backup codes left.");
    expect(describeTwoStep(twoStep({ totp: true, passkeyStep: true, passkeys: 2, backupCodesLeft: 8 }))).toBe(
      "On with Authenticator app and 2 passkeys · 8 backup codes left.",
    );
  });

  it("says why to turn it on when it is off", () => {
    expect(describeTwoStep(twoStep({ enabled: false }))).toMatch(/^Off\. Add an authenticator app or a passkey/);
    expect(describeTwoStep(twoStep({ enabled: false, passkeys: 1 }))).toMatch(/^Off\. Ask for a passkey after your password/);
  });

  it("says how many other devices were signed out, after the sentence it follows", () => {
    expect(signedOutNotice(0)).toBe("");
    expect(signedOutNotice(1)).toBe(" 1 other device was signed out.");
    expect(signedOutNotice(3)).toBe(" 3 other devices were signed out.");
  });

  it("says it in Spanish", () => {
    showLanguageInTests("es");
    expect(backupCodesLeft(0)).toBe("No quedan códigos de respaldo");
    expect(backupCodesLeft(1)).toBe("Queda 1 código de respaldo");
    expect(describeTwoStep(twoStep({ totp: true, passkeyStep: true, passkeys: 2, backupCodesLeft: 8 }))).toBe(
      "Activada con app de autenticación y 2 llaves de acceso · Quedan 8 códigos de respaldo.",
    );
    expect(signedOutNotice(1)).toBe(" Se cerró la sesión en otro dispositivo.");
    expect(signedOutNotice(3)).toBe(" Se cerró la sesión en otros 3 dispositivos.");
  });

  it("says it in Arabic, with its one, two, few and many forms", () => {
    showLanguageInTests("ar");
    expect(backupCodesLeft(0)).toBe("لم يتبقَّ أي رمز احتياطي");
    expect(backupCodesLeft(2)).toBe("يتبقى رمزان احتياطيان");
    expect(backupCodesLeft(8)).toBe("يتبقى 8 رموز احتياطية");
    expect(describeTwoStep(twoStep({ passkeyStep: true, passkeys: 1, backupCodesLeft: 10 }))).toBe(
      "مفعَّل باستخدام مفتاح مرور واحد · يتبقى 10 رموز احتياطية.",
    );
    expect(signedOutNotice(2)).toBe(" تم تسجيل الخروج من جهازين آخرين.");
    expect(signedOutNotice(11)).toBe(" تم تسجيل الخروج من 11 جهازًا آخر.");
  });
});
