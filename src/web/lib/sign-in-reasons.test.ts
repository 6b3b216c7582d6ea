import { beforeEach, describe, expect, it } from "vitest";
import { showLanguageInTests } from "./show-language-in-tests";
import { isSignInReason, reasonForLostSession, signInPageFor, signInReasonText } from "./sign-in-reasons";

beforeEach(() => showLanguageInTests("en"));

const revoked = (reason?: string) => ({ code: "SESSION_REVOKED", reason });

describe("why the sign-in page is showing", () => {
  it("names the way a device was signed out by its owner", () => {
    expect(reasonForLostSession(revoked("password_changed"))).toBe("password-changed");
    expect(reasonForLostSession(revoked("signed_out_all_devices"))).toBe("signed-out-everywhere");
    expect(reasonForLostSession(revoked("signed_out_by_other_device"))).toBe("signed-out-remotely");
    expect(reasonForLostSession(revoked("signed_out"))).toBe("session-revoked");
    expect(reasonForLostSession(revoked())).toBe("session-revoked");
  });

  it("says when Usher support signed a device out, locked the account or it was deleted", () => {
    expect(reasonForLostSession(revoked("revoked_by_support"))).toBe("revoked-by-support");
    expect(signInReasonText("revoked-by-support")).toMatch(/^Usher support signed this device out\./);
    expect(reasonForLostSession(revoked("account_locked"))).toBe("account-locked");
    expect(signInReasonText("account-locked")).toBe(
      "Your account was locked by Usher support, so every device was signed out. Contact Usher support to unlock it.",
    );
    expect(reasonForLostSession(revoked("account_deleted"))).toBe("account-deleted");
    expect(signInReasonText("account-deleted")).toBe("This account was deleted.");
  });

  it("tells the browser that deleted the account that a confirmation email is coming", () => {
    expect(signInReasonText("deleted-account")).toBe("Your account was deleted. A confirmation email is on its way.");
  });

  it("knows its own reasons only, not an object's inherited names", () => {
    expect(isSignInReason("session-expired")).toBe(true);
    expect(isSignInReason("toString")).toBe(false);
  });

  it("says each reason in the language shown when it is read", () => {
    showLanguageInTests("es");
    expect(signInReasonText("session-expired")).toBe("Tu sesión caducó. Vuelve a iniciar sesión para seguir viendo.");
    showLanguageInTests("ar");
    expect(signInReasonText("account-deleted")).toBe("تم حذف هذا الحساب.");
  });

  it("reads a reason it doesn't know, or none, as a plain sign-out", () => {
    expect(reasonForLostSession(revoked("something_new"))).toBe("session-revoked");
    expect(reasonForLostSession({ code: "SESSION_EXPIRED", reason: "expired" })).toBe("session-expired");
    expect(reasonForLostSession({ code: "UNAUTHENTICATED" })).toBe("sign-in-required");
  });

  it("sends a lost session to sign in, coming back only to the pages that ask for it", () => {
    expect(signInPageFor(revoked("account_locked"), "/account/devices")).toBe("/sign-in?reason=account-locked");
    expect(signInPageFor(revoked("revoked_by_support"), "/account/data")).toBe("/sign-in?reason=revoked-by-support");
    expect(signInPageFor({ code: "UNAUTHENTICATED" }, "/tv?code=BCDF-GHJK")).toBe(
      `/sign-in?reason=sign-in-for-tv&next=${encodeURIComponent("/tv?code=BCDF-GHJK")}`,
    );
    expect(signInPageFor(revoked("account_locked"), "/secure-account")).toBe(
      `/sign-in?reason=account-locked&next=${encodeURIComponent("/secure-account")}`,
    );
  });
});
