import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { showLanguageInTests } from "../../lib/show-language-in-tests";
import type { ActivityEvent } from "./api/list-activity";
import { describeEvent } from "./describe-event";

const event = (type: string, details: ActivityEvent["details"] = {}): ActivityEvent => ({
  id: "00000000-0000-4000-8000-000000000000",
  type,
  at: "2026-11-21T13:00:00.000Z",
  ip: "203.0.113.7",
  device: "Chrome on macOS",
  details,
});

describe("account activity in words", () => {
  beforeAll(() => showLanguageInTests("en"));
  it("names the device of a sign-in and how it was made", () => {
    expect(describeEvent(event("signed_in", { deviceName: "Firefox on Windows" }))).toEqual({
      title: "Signed in on Firefox on Windows",
      detail: undefined,
      tone: "normal",
    });
    expect(describeEvent(event("signed_in", { deviceName: "Living-room TV", method: "tv_code" })).title).toBe(
      "Signed in on Living-room TV with a code",
    );
    expect(describeEvent(event("signed_in", { deviceName: "Usher for iPhone", method: "sign_in_code" })).title).toBe(
      "Signed in with a sign-in code on Usher for iPhone",
    );
  });

  it("names the passkey a sign-in or a confirmation used", () => {
    expect(describeEvent(event("signed_in", { deviceName: "Chrome on Linux", method: "passkey_only", passkeyName: "Pixel 8" }))).toEqual({
      title: "Signed in with a passkey on Chrome on Linux",
      detail: "Passkey used: Pixel 8",
      tone: "normal",
    });
    expect(describeEvent(event("signed_in", { deviceName: "Chrome on Linux", method: "passkey", passkeyName: "Pixel 8" })).title).toBe(
      "Signed in with a passkey on Chrome on Linux",
    );
    expect(describeEvent(event("reauthenticated", { method: "passkey", passkeyName: "Pixel 8" }))).toEqual({
      title: "Confirmed it's you",
      detail: "Passkey used: Pixel 8",
      tone: "normal",
    });
  });

  it("still reads sign-ins recorded without a device or a passkey's name", () => {
    expect(describeEvent(event("signed_in"))).toEqual({ title: "Signed in", detail: undefined, tone: "normal" });
    expect(describeEvent(event("signed_in", { method: "tv_code" })).title).toBe("Signed in on a TV with a code");
    expect(describeEvent(event("signed_in", { method: "passkey" }))).toEqual({
      title: "Signed in with a passkey",
      detail: undefined,
      tone: "normal",
    });
    expect(describeEvent(event("reauthenticated", { method: "passkey" })).detail).toBeUndefined();
  });

  it("names the device signed out on", () => {
    expect(describeEvent(event("signed_out", { deviceName: "Firefox on Windows" })).title).toBe("Signed out on Firefox on Windows");
    expect(describeEvent(event("signed_out")).title).toBe("Signed out");
  });

  it("doesn't repeat the device the entry's own line shows", () => {
    expect(describeEvent(event("signed_in", { deviceName: "Chrome on macOS" })).title).toBe("Signed in");
    expect(describeEvent(event("signed_out", { deviceName: "Chrome on macOS" })).title).toBe("Signed out");
  });

  it("names the passkey added, removed or renamed", () => {
    expect(describeEvent(event("passkey_added", { passkeyName: "Chrome on Linux", signedOutDevices: 0 }))).toEqual({
      title: "Passkey added: Chrome on Linux",
      detail: "No other devices were signed in.",
      tone: "normal",
    });
    expect(describeEvent(event("passkey_removed", { passkeyName: "Pixel 8", signedOutDevices: 2 }))).toEqual({
      title: "Passkey removed: Pixel 8",
      detail: "2 devices were signed out.",
      tone: "normal",
    });
    expect(describeEvent(event("passkey_renamed", { from: "Old name", to: "New name" }))).toEqual({
      title: "Passkey renamed",
      detail: "From Old name to New name",
      tone: "normal",
    });
  });

  it("still reads passkey entries recorded without names", () => {
    expect(describeEvent(event("passkey_added", { signedOutDevices: 1 })).title).toBe("Passkey added");
    expect(describeEvent(event("passkey_removed")).title).toBe("Passkey removed");
    expect(describeEvent(event("passkey_renamed"))).toEqual({ title: "Passkey renamed", detail: undefined, tone: "normal" });
  });

  it("names the phone number by its masked ending", () => {
    const phone = "+1 ••• ••• ••43";
    expect(describeEvent(event("phone_added", { maskedPhone: phone })).title).toBe("Phone number added: +1 ••• ••• ••43");
    expect(describeEvent(event("phone_verified", { maskedPhone: phone })).title).toBe("Phone number verified: +1 ••• ••• ••43");
    expect(describeEvent(event("phone_removed", { maskedPhone: phone })).title).toBe("Phone number removed: +1 ••• ••• ••43");
    expect(describeEvent(event("phone_changed", { from: phone, to: "+44 •••• ••••89" }))).toEqual({
      title: "Phone number changed",
      detail: "From +1 ••• ••• ••43 to +44 •••• ••••89",
      tone: "normal",
    });
  });

  it("still reads phone entries recorded without the number", () => {
    expect(describeEvent(event("phone_added"))).toEqual({ title: "Phone number added", tone: "normal" });
    expect(describeEvent(event("phone_verified")).title).toBe("Phone number verified");
    expect(describeEvent(event("phone_removed")).title).toBe("Phone number removed");
    expect(describeEvent(event("phone_changed"))).toEqual({ title: "Phone number changed", detail: undefined, tone: "normal" });
  });

  it("names the TV a sign-in was approved or denied for, and the profile it will watch as", () => {
    expect(describeEvent(event("tv_sign_in_approved", { deviceName: "Living room TV", profileName: "Alex" }))).toEqual({
      title: "TV sign-in approved for Living room TV, as Alex",
      tone: "normal",
    });
    expect(describeEvent(event("tv_sign_in_denied", { deviceName: "Living room TV" })).title).toBe("TV sign-in denied for Living room TV");
    expect(describeEvent(event("tv_sign_in_approved", { deviceName: "Living room TV" })).title).toBe(
      "TV sign-in approved for Living room TV",
    );
    expect(describeEvent(event("tv_sign_in_approved")).title).toBe("TV sign-in approved");
  });

  it("shows a plan change by the plans' names", () => {
    expect(describeEvent(event("plan_changed", { from: "standard", to: "premium" })).detail).toBe("From Standard to Premium");
    expect(describeEvent(event("plan_changed")).detail).toBeUndefined();
  });

  it("tells a sign-in code sent from one asked for and not sent", () => {
    expect(describeEvent(event("signed_in", { method: "sign_in_code" })).title).toBe("Signed in with a sign-in code");
    expect(describeEvent(event("sign_in_code_requested", { method: "email", sent: true }))).toEqual({
      title: "Sign-in code sent",
      detail: "By email.",
      tone: "normal",
    });
    expect(describeEvent(event("sign_in_code_requested", { method: "sms", sent: false, reason: "send_budget_spent" })).tone).toBe(
      "warning",
    );
    expect(describeEvent(event("password_reset_requested", { method: "email", sent: false })).detail).toBe(
      "Too many resets were asked for; this one wasn't sent.",
    );
    expect(describeEvent(event("sign_in_code_required")).tone).toBe("warning");
  });

  it("marks failed attempts as warnings", () => {
    expect(describeEvent(event("sign_in_failed")).tone).toBe("warning");
    expect(describeEvent(event("two_step_failed")).tone).toBe("warning");
  });

  it("names the profile a wrong PIN was entered for", () => {
    expect(describeEvent(event("profile_pin_failed", { profileName: "Dad" }))).toEqual({
      title: "Wrong PIN entered for Dad's profile",
      tone: "warning",
    });
    expect(describeEvent(event("profile_pin_failed")).title).toBe("Wrong profile PIN entered");
  });

  it("says how many devices a change signed out", () => {
    expect(describeEvent(event("password_reset", { method: "sms", signedOutDevices: 2 }))).toEqual({
      title: "Password reset with a texted code",
      detail: "2 devices were signed out.",
      tone: "normal",
    });
    expect(describeEvent(event("password_changed", { requireAllDevicesToSignIn: false, signedOutDevices: 0 })).detail).toBe(
      "Other devices stayed signed in.",
    );
    expect(describeEvent(event("signed_out_other_devices", { signedOutDevices: 0 })).detail).toBe("No other devices were signed in.");
  });

  it("shows an email change with the masked addresses", () => {
    expect(describeEvent(event("email_changed", { from: "a•••@example.com", to: "b•••@example.com" })).detail).toBe(
      "From a•••@example.com to b•••@example.com",
    );
  });

  it("names which profile a lock change was made to, and from which profile", () => {
    const names = { profileName: "Dad", actingProfileName: "Mum" };
    expect(describeEvent(event("profile_pin_removed", names))).toEqual({ title: "Lock removed from Dad's profile by Mum", tone: "normal" });
    expect(describeEvent(event("profile_pin_set", names)).title).toBe("Lock set on Dad's profile by Mum");
    expect(describeEvent(event("profile_pin_changed", names)).title).toBe("Lock PIN changed on Dad's profile by Mum");
    expect(describeEvent(event("profile_pin_set", { profileName: "Dad" })).title).toBe("Lock set on Dad's profile");
    expect(describeEvent(event("profile_lock_setting_changed", { requirePinToAddProfiles: false, actingProfileName: "Mum" })).title).toBe(
      '"Require PIN to add new profiles" turned off by Mum',
    );
  });

  it("names the profile added, edited or deleted, the profile acting, and what an edit changed", () => {
    expect(describeEvent(event("profile_created", { profileName: "Sam", actingProfileName: "Mum" })).title).toBe(
      "Profile added: Sam, by Mum",
    );
    expect(describeEvent(event("profile_deleted", { profileName: "Sam" })).title).toBe("Profile deleted: Sam");
    expect(describeEvent(event("profile_updated", { profileName: "Sam", actingProfileName: "Mum", changed: "avatar,isKids" }))).toEqual({
      title: "Profile edited: Sam, by Mum",
      detail: "Changed: avatar, Kids setting.",
      tone: "normal",
    });
  });

  it("names the profile whose parental controls changed, by which profile, and what changed", () => {
    expect(
      describeEvent(
        event("parental_controls_changed", {
          profileName: "Robin",
          actingProfileName: "Mum",
          ratingFrom: "7+",
          ratingTo: "13+",
          blocked: "Cold Ledger, Moon Bakery",
          unblocked: "Captain Pebble",
        }),
      ),
    ).toEqual({
      title: "Parental controls changed for Robin by Mum",
      detail: "Rating 7+ → 13+ · Blocked: Cold Ledger, Moon Bakery · Unblocked: Captain Pebble",
      tone: "normal",
    });
    expect(describeEvent(event("parental_controls_changed", { profileName: "Robin", askPasswordToExitKids: true })).detail).toBe(
      "Leaving a Kids profile asks for the password",
    );
    expect(describeEvent(event("parental_controls_changed", { askPasswordToExitKids: false }))).toEqual({
      title: "Parental controls changed",
      detail: "Leaving a Kids profile no longer asks for the password",
      tone: "normal",
    });
  });

  it("reads blocked and unblocked titles recorded as lists", () => {
    // The audit log records lists of names; the public details may carry them as they are.
    const lists = { blocked: ["Cold Ledger"], unblocked: ["Moon Bakery", "Paper Planets"] } as unknown as ActivityEvent["details"];
    expect(describeEvent(event("parental_controls_changed", lists)).detail).toBe(
      "Blocked: Cold Ledger · Unblocked: Moon Bakery, Paper Planets",
    );
  });

  it("still reads profile entries recorded without names", () => {
    expect(describeEvent(event("profile_deleted")).title).toBe("Profile deleted");
    expect(describeEvent(event("profile_pin_removed")).title).toBe("Lock removed from a profile");
    expect(describeEvent(event("parental_controls_changed"))).toEqual({
      title: "Parental controls changed",
      detail: undefined,
      tone: "normal",
    });
  });

  it("still reads an event type it doesn't know", () => {
    expect(describeEvent(event("something_new_happened"))).toEqual({ title: "Something new happened", tone: "normal" });
  });

  it("names what was watched, as which profile and where, and where it was stopped from", () => {
    expect(
      describeEvent(event("watching_started", { titleName: "Quiet Harbour", profileName: "Sam", deviceName: "Living room TV" })),
    ).toEqual({
      title: "Started watching Quiet Harbour",
      detail: "As Sam on Living room TV",
      tone: "normal",
    });
    expect(describeEvent(event("watching_started", { titleName: "Quiet Harbour" })).detail).toBeUndefined();
    expect(
      describeEvent(event("watching_stopped", { titleName: "Quiet Harbour", stoppedOn: "Living room TV", deviceName: "Chrome on macOS" })),
    ).toEqual({
      title: "Stopped watching Quiet Harbour",
      detail: "On Living room TV, from Chrome on macOS",
      tone: "normal",
    });
  });

  it("says what Usher support did to the account, and that support did it", () => {
    const support = { by: "support" };
    expect(describeEvent(event("account_locked", { ...support, signedOutDevices: 3 }))).toEqual({
      title: "Account locked by Usher support",
      detail: "3 devices were signed out. Nobody can sign in until Usher support unlocks it.",
      tone: "warning",
    });
    expect(describeEvent(event("account_unlocked", support))).toEqual({
      title: "Account unlocked by Usher support",
      detail: "It can be signed in to again.",
      tone: "normal",
    });
    expect(describeEvent(event("two_step_reset", support))).toMatchObject({
      title: "Two-step verification reset by Usher support",
      tone: "warning",
    });
    expect(describeEvent(event("data_exported", support)).title).toBe("Copy of your data exported by Usher support");
  });

  it("names the device support signed out, or how many when it was every device", () => {
    expect(describeEvent(event("signed_out_by_support", { by: "support", deviceName: "Living-room TV", signedOutDevices: 1 }))).toEqual({
      title: "Signed out Living-room TV by Usher support",
      detail: undefined,
      tone: "normal",
    });
    expect(describeEvent(event("signed_out_by_support", { by: "support", signedOutDevices: 2 }))).toEqual({
      title: "Signed out of all devices by Usher support",
      detail: "2 devices were signed out.",
      tone: "normal",
    });
  });

  it("tells the owner's own download of their data from support's export", () => {
    expect(describeEvent(event("data_exported"))).toEqual({ title: "Copy of your data downloaded", tone: "normal" });
  });

  it("marks any event support made, even one this app doesn't know yet", () => {
    expect(describeEvent(event("password_reset", { by: "support", signedOutDevices: 1 })).title).toBe(
      "Password reset with an emailed link by Usher support",
    );
    expect(describeEvent(event("something_support_did", { by: "support" })).title).toBe("Something support did by Usher support");
    expect(describeEvent(event("account_locked", { by: "someone else" })).title).toBe("Account locked");
  });
});

describe("account activity in Spanish and Arabic", () => {
  afterAll(() => showLanguageInTests("en"));

  it("says in Spanish how many devices were signed out, one or several", () => {
    showLanguageInTests("es");
    expect(describeEvent(event("passkey_removed", { passkeyName: "Pixel 8", signedOutDevices: 1 }))).toEqual({
      title: "Llave de acceso eliminada: Pixel 8",
      detail: "Se cerró la sesión en 1 dispositivo.",
      tone: "normal",
    });
    expect(describeEvent(event("signed_out_all_devices", { signedOutDevices: 3 })).detail).toBe("Se cerró la sesión en 3 dispositivos.");
    expect(describeEvent(event("signed_out_other_devices", { signedOutDevices: 0 })).detail).toBe(
      "No había otros dispositivos con la sesión iniciada.",
    );
  });

  it("puts the names where Spanish puts them, and says what support did", () => {
    showLanguageInTests("es");
    expect(describeEvent(event("profile_pin_set", { profileName: "Papá", actingProfileName: "Mamá" })).title).toBe(
      "Bloqueo activado en el perfil de Papá por Mamá",
    );
    expect(describeEvent(event("signed_in", { deviceName: "Living-room TV", method: "tv_code" })).title).toBe(
      "Sesión iniciada en Living-room TV con un código",
    );
    expect(describeEvent(event("plan_changed", { from: "basic", to: "premium" })).detail).toBe("De Básico a Premium");
    expect(describeEvent(event("profile_updated", { profileName: "Sam", changed: "avatar,isKids" })).detail).toBe(
      "Cambios: avatar y ajuste de Niños.",
    );
    expect(describeEvent(event("account_locked", { by: "support" })).title).toBe("Cuenta bloqueada por el soporte de Usher");
  });

  it("uses every Arabic plural form for the devices signed out", () => {
    showLanguageInTests("ar");
    const signedOut = (count: number) => describeEvent(event("password_reset", { method: "sms", signedOutDevices: count })).detail;
    expect(signedOut(1)).toBe("تم تسجيل الخروج من جهاز واحد.");
    expect(signedOut(2)).toBe("تم تسجيل الخروج من جهازين.");
    expect(signedOut(3)).toBe("تم تسجيل الخروج من 3 أجهزة.");
    expect(signedOut(11)).toBe("تم تسجيل الخروج من 11 جهازًا.");
    expect(signedOut(100)).toBe("تم تسجيل الخروج من 100 جهاز.");
  });

  it("names things in Arabic sentences", () => {
    showLanguageInTests("ar");
    expect(describeEvent(event("tv_sign_in_approved", { deviceName: "Living room TV", profileName: "Alex" })).title).toBe(
      "تمت الموافقة على تسجيل دخول التلفزيون Living room TV، بالملف الشخصي Alex",
    );
    expect(describeEvent(event("profile_created", { profileName: "Sam", actingProfileName: "Mum" })).title).toBe(
      "تمت إضافة ملف شخصي: Sam، بواسطة Mum",
    );
    expect(describeEvent(event("password_check_failed"))).toEqual({
      title: "تم إدخال كلمة مرور حالية خاطئة",
      detail: "تم رفض أحد التغييرات.",
      tone: "warning",
    });
  });
});
