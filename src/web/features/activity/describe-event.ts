// Each audit event in the owner's words: what happened, to which thing (the passkey, the device,
// the profile, the phone's masked ending), and what helps recognise it (how many devices, which
// way, whether Usher support did it). Entries recorded before a thing was named keep the plain
// words. An event type this app doesn't know yet still gets a readable line rather than
// disappearing from the log.
import type { ActivityEvent } from "./api/list-activity";

export type Tone = "normal" | "warning";

export interface DescribedEvent {
  title: string;
  detail?: string | undefined;
  tone: Tone;
}

const devices = (count: unknown) =>
  typeof count === "number"
    ? count === 0
      ? "No other devices were signed in."
      : `${count} device${count === 1 ? " was" : "s were"} signed out.`
    : undefined;

const text = (value: unknown) => (typeof value === "string" && value ? value : undefined);

/** "Passkey added: Pixel 8", or just "Passkey added" when the entry doesn't name it. */
const naming = (what: string, name: unknown) => (text(name) ? `${what}: ${name}` : what);

/** "From Old name to New name", when the entry says both. */
const fromTo = (d: ActivityEvent["details"], word: (value: unknown) => string = String) =>
  text(d.from) && text(d.to) ? `From ${word(d.from)} to ${word(d.to)}` : undefined;

/** "Passkey used: Pixel 8": which passkey proved it. */
const passkeyUsed = (d: ActivityEvent["details"]) => (text(d.passkeyName) ? `Passkey used: ${d.passkeyName}` : undefined);

/** "premium" → "Premium". */
const planName = (plan: unknown) => (typeof plan === "string" ? plan.charAt(0).toUpperCase() + plan.slice(1) : "");

/** Why something asked for was not sent: no verified phone to text, or too many asked for. */
const notSent = (reason: unknown, what: "codes" | "resets") =>
  reason === "no_verified_phone"
    ? "It was asked for by text message, and this account has no verified phone."
    : `Too many ${what} were asked for; this one wasn't sent.`;

/** " by Mum": the profile the change was made from, when the device had one chosen. */
const by = (d: ActivityEvent["details"]) => (text(d.actingProfileName) ? ` by ${d.actingProfileName}` : "");

/** "Dad's profile", or "a profile" for entries recorded before profiles were named. */
const whose = (d: ActivityEvent["details"]) => (text(d.profileName) ? `${d.profileName}'s profile` : "a profile");

/** A profile change: what happened, to which profile, by which ("Profile deleted: Sam, by Mum"). */
const profileChange = (what: string) => (d: ActivityEvent["details"]) => {
  const target = text(d.profileName);
  const actor = text(d.actingProfileName);
  return { title: [target ? `${what}: ${target}` : what, actor && `by ${actor}`].filter(Boolean).join(", ") };
};

/** Title names an entry lists: recorded as a list, or already joined into one line. */
const titleNames = (value: unknown) =>
  Array.isArray(value) ? value.filter((name) => typeof name === "string" && name).join(", ") || undefined : text(value);

/** "Rating 7+ → 13+ · Blocked: Cold Ledger · Unblocked: Moon Bakery": what a parental controls change did. */
const parentalChanges = (d: ActivityEvent["details"]) => {
  const blocked = titleNames(d.blocked);
  const unblocked = titleNames(d.unblocked);
  const exitKids =
    d.askPasswordToExitKids === true
      ? "Leaving a Kids profile asks for the password"
      : d.askPasswordToExitKids === false
        ? "Leaving a Kids profile no longer asks for the password"
        : undefined;
  return (
    [
      text(d.ratingFrom) && text(d.ratingTo) && `Rating ${d.ratingFrom} → ${d.ratingTo}`,
      blocked && `Blocked: ${blocked}`,
      unblocked && `Unblocked: ${unblocked}`,
      exitKids,
    ]
      .filter(Boolean)
      .join(" · ") || undefined
  );
};

/** Support's actions say so: "Account locked by Usher support". */
const BY_SUPPORT = " by Usher support";
const bySupport = (d: ActivityEvent["details"]) => d.by === "support";

const changedSettings: Record<string, string> = { name: "name", avatar: "avatar", isKids: "Kids setting" };

/** How a sign-in was made, when it wasn't with the password ("passkey" is the second step, "passkey_only" the passkey alone). */
const signInWays: Record<string, string> = {
  passkey: "with a passkey",
  passkey_only: "with a passkey",
  sign_in_code: "with a sign-in code",
};

/**
 * The device an entry names, unless it is the one the entry's own line already shows under it
 * (the browser it came from): a TV or an app signed in from elsewhere is named.
 */
const otherDevice = (d: ActivityEvent["details"], event: ActivityEvent) =>
  text(d.deviceName) && d.deviceName !== event.device ? String(d.deviceName) : undefined;

/** "Signed in with a passkey on Firefox on Windows"; a TV says it used a code. */
const signedIn = (d: ActivityEvent["details"], event: ActivityEvent) => {
  const device = otherDevice(d, event);
  if (d.method === "tv_code") return device ? `Signed in on ${device} with a code` : "Signed in on a TV with a code";
  return ["Signed in", signInWays[String(d.method)], device && `on ${device}`].filter(Boolean).join(" ");
};

/** "TV sign-in approved for Living room TV, as Alex". */
const tvDecision = (what: string) => (d: ActivityEvent["details"]) => ({
  title: [text(d.deviceName) ? `${what} for ${d.deviceName}` : what, text(d.profileName) && `as ${d.profileName}`]
    .filter(Boolean)
    .join(", "),
});

type Describe = (details: ActivityEvent["details"], event: ActivityEvent) => Omit<DescribedEvent, "tone"> & { tone?: Tone };

const described: Record<string, Describe> = {
  account_created: () => ({ title: "Account created" }),
  signed_in: (d, event) => ({ title: signedIn(d, event), detail: passkeyUsed(d) }),
  sign_in_failed: () => ({
    title: "Failed sign-in attempt",
    detail: "Someone entered a wrong password for this account.",
    tone: "warning",
  }),
  sign_in_code_required: () => ({
    title: "Sign-in code asked for on a new device",
    detail: "The password was right. Wrong passwords were being tried, so a new device also needs the code we sent you.",
    tone: "warning",
  }),
  sign_in_code_requested: (d) => ({
    title: d.sent === false ? "Sign-in code asked for, not sent" : "Sign-in code sent",
    detail: d.sent === false ? notSent(d.reason, "codes") : d.method === "sms" ? "By text message." : "By email.",
    ...(d.sent === false ? { tone: "warning" as const } : {}),
  }),
  signed_out: (d, event) => {
    const device = otherDevice(d, event);
    return { title: device ? `Signed out on ${device}` : "Signed out" };
  },
  signed_out_all_devices: (d) => ({ title: "Signed out of all devices", detail: devices(d.signedOutDevices) }),
  signed_out_other_devices: (d) => ({ title: "Signed out of all other devices", detail: devices(d.signedOutDevices) }),
  signed_out_device: (d) => ({ title: text(d.deviceName) ? `Signed out ${d.deviceName}` : "Signed out a device" }),
  password_changed: (d) => ({
    title: "Password changed",
    detail: d.requireAllDevicesToSignIn === false ? "Other devices stayed signed in." : devices(d.signedOutDevices),
  }),
  password_check_failed: () => ({ title: "Wrong current password entered", detail: "A change was refused.", tone: "warning" }),
  password_reset_requested: (d) => ({
    title: "Password reset requested",
    detail:
      d.sent === false
        ? notSent(d.reason, "resets")
        : d.method === "sms"
          ? "A code was sent by text message."
          : "A link was sent by email.",
    ...(d.sent === false ? { tone: "warning" as const } : {}),
  }),
  password_reset: (d) => ({
    title: d.method === "sms" ? "Password reset with a texted code" : "Password reset with an emailed link",
    detail: devices(d.signedOutDevices),
  }),
  phone_added: (d) => ({ title: naming("Phone number added", d.maskedPhone) }),
  phone_changed: (d) => ({ title: "Phone number changed", detail: fromTo(d) }),
  phone_verified: (d) => ({ title: naming("Phone number verified", d.maskedPhone) }),
  phone_removed: (d) => ({ title: naming("Phone number removed", d.maskedPhone) }),
  email_verified: () => ({ title: "Email address verified" }),
  email_change_requested: () => ({ title: "Email change requested", detail: "A link was sent to the new address." }),
  email_changed: (d) => ({ title: "Email address changed", detail: fromTo(d) }),
  plan_changed: (d) => ({ title: "Plan changed", detail: fromTo(d, planName) }),
  watching_started: (d) => ({
    title: text(d.titleName) ? `Started watching ${d.titleName}` : "Started watching",
    detail:
      [text(d.profileName) && `As ${d.profileName}`, text(d.deviceName) && `on ${d.deviceName}`].filter(Boolean).join(" ") || undefined,
  }),
  watching_stopped: (d) => ({
    title: text(d.titleName) ? `Stopped watching ${d.titleName}` : "Stopped watching",
    detail: text(d.stoppedOn) ? `On ${d.stoppedOn}, from ${text(d.deviceName) ?? "another device"}` : undefined,
  }),
  profile_created: profileChange("Profile added"),
  profile_updated: (d) => {
    const changed =
      typeof d.changed === "string"
        ? d.changed
            .split(",")
            .map((key) => changedSettings[key])
            .filter(Boolean)
        : [];
    const list = changed.join(", ");
    return { ...profileChange("Profile edited")(d), detail: list ? `Changed: ${list}.` : undefined };
  },
  profile_deleted: profileChange("Profile deleted"),
  tv_sign_in_approved: tvDecision("TV sign-in approved"),
  tv_sign_in_denied: tvDecision("TV sign-in denied"),
  reauthenticated: (d) => ({ title: "Confirmed it's you", detail: passkeyUsed(d) }),
  reauth_failed: () => ({ title: "Failed attempt to confirm it's you", tone: "warning" }),
  two_step_enabled: (d) => ({
    title: d.method === "passkey" ? "Passkey asked for after the password" : "Two-step verification turned on",
    detail: devices(d.signedOutDevices),
  }),
  two_step_disabled: (d) => ({
    title: d.method === "passkey" ? "Passkey no longer asked for after the password" : "Two-step verification turned off",
    detail: devices(d.signedOutDevices),
  }),
  two_step_failed: () => ({
    title: "Failed second step at sign-in",
    detail: "The password was right; the code or passkey was not.",
    tone: "warning",
  }),
  backup_codes_generated: () => ({ title: "New backup codes created" }),
  backup_code_used: () => ({ title: "Backup code used to sign in" }),
  passkey_added: (d) => ({ title: naming("Passkey added", d.passkeyName), detail: devices(d.signedOutDevices) }),
  passkey_renamed: (d) => ({ title: "Passkey renamed", detail: fromTo(d) }),
  passkey_removed: (d) => ({ title: naming("Passkey removed", d.passkeyName), detail: devices(d.signedOutDevices) }),
  profile_pin_set: (d) => ({ title: `Lock set on ${whose(d)}${by(d)}` }),
  profile_pin_changed: (d) => ({ title: `Lock PIN changed on ${whose(d)}${by(d)}` }),
  profile_pin_removed: (d) => ({ title: `Lock removed from ${whose(d)}${by(d)}` }),
  profile_pin_failed: (d) => ({
    title: text(d.profileName) ? `Wrong PIN entered for ${whose(d)}` : "Wrong profile PIN entered",
    tone: "warning",
  }),
  account_locked: (d) => ({
    title: "Account locked",
    detail: [devices(d.signedOutDevices), "Nobody can sign in until Usher support unlocks it."].filter(Boolean).join(" "),
    tone: "warning",
  }),
  account_unlocked: () => ({ title: "Account unlocked", detail: "It can be signed in to again." }),
  signed_out_by_support: (d) => ({
    title: text(d.deviceName) ? `Signed out ${d.deviceName}` : "Signed out of all devices",
    detail: text(d.deviceName) ? undefined : devices(d.signedOutDevices),
  }),
  two_step_reset: () => ({
    title: "Two-step verification reset",
    detail: "The authenticator app, backup codes and passkeys were removed: the password alone signs in.",
    tone: "warning",
  }),
  data_exported: (d) => ({ title: bySupport(d) ? "Copy of your data exported" : "Copy of your data downloaded" }),
  parental_controls_changed: (d) => ({
    title: `${text(d.profileName) ? `Parental controls changed for ${d.profileName}` : "Parental controls changed"}${by(d)}`,
    detail: parentalChanges(d),
  }),
  profile_lock_setting_changed: (d) => ({
    title:
      d.requirePinToAddProfiles === true
        ? `"Require PIN to add new profiles" turned on${by(d)}`
        : d.requirePinToAddProfiles === false
          ? `"Require PIN to add new profiles" turned off${by(d)}`
          : "Profile lock setting changed",
  }),
};

/** A type this app doesn't know yet: its name in words ("something_new" → "Something new"). */
const unknownType: Describe = (_, event) => {
  const words = event.type.replace(/_/g, " ");
  return { title: words.charAt(0).toUpperCase() + words.slice(1) };
};

export function describeEvent(event: ActivityEvent): DescribedEvent {
  const inWords = described[event.type] ?? unknownType;
  const { tone = "normal", title, ...rest } = inWords(event.details, event);
  return { tone, title: bySupport(event.details) ? `${title}${BY_SUPPORT}` : title, ...rest };
}
