// Each audit event in the owner's words: what happened, to which thing (the passkey, the device,
// the profile, the phone's masked ending), and what helps recognise it (how many devices, which
// way, whether Usher support did it). Entries recorded before a thing was named keep the plain
// words. An event type this app doesn't know yet still gets a readable line rather than
// disappearing from the log. Every line is a whole message of its own, with the names as
// placeholders, as word order differs between languages.
import { activeLanguage, type MessageId, t } from "../../lib/i18n";
import { planName } from "../account/plan-name";
import type { ActivityEvent } from "./api/list-activity";

export type Tone = "normal" | "warning";

export interface DescribedEvent {
  title: string;
  detail?: string | undefined;
  tone: Tone;
}

type Details = ActivityEvent["details"];

const devices = (count: unknown) =>
  typeof count === "number"
    ? count === 0
      ? t("account.activityEvent.noOtherDevices")
      : t("account.activityEvent.devicesSignedOut", { count })
    : undefined;

const text = (value: unknown) => (typeof value === "string" && value ? value : undefined);

/** Names listed the way the shown language lists them ("Cold Ledger, Moon Bakery"). */
const list = (names: string[]) => new Intl.ListFormat(activeLanguage(), { type: "unit", style: "short" }).format(names);

/** "Passkey added: Pixel 8" (the name as `placeholder`), or just "Passkey added" when the entry doesn't name it. */
const naming = (plain: MessageId, named: MessageId, placeholder: string, name: unknown) => {
  const known = text(name);
  return known ? t(named, { [placeholder]: known }) : t(plain);
};

/** "From Old name to New name", when the entry says both. */
const fromTo = (d: Details, word: (value: string) => string = String) => {
  const from = text(d.from);
  const to = text(d.to);
  return from && to ? t("account.activityEvent.fromTo", { from: word(from), to: word(to) }) : undefined;
};

/** "Passkey used: Pixel 8": which passkey proved it. */
const passkeyUsed = (d: Details) => {
  const name = text(d.passkeyName);
  return name ? t("account.activityEvent.passkeyUsed", { passkey: name }) : undefined;
};

/** Why something asked for was not sent: no verified phone to text, or too many asked for. */
const notSent = (reason: unknown, tooMany: MessageId) =>
  reason === "no_verified_phone" ? t("account.activityEvent.notSentNoPhone") : t(tooMany);

/**
 * A phrase's four messages: naming the thing it concerns (a profile, a TV), naming the profile
 * that made it (or the one a TV will watch as), both, or neither, for entries recorded without.
 */
interface Phrases {
  plain: MessageId;
  named: MessageId;
  by: MessageId;
  namedBy: MessageId;
}

/** `name` and `by` are each a placeholder and the entry's value for it, if it has one. */
const phrase = (ids: Phrases, [nameKey, name]: [string, unknown], [byKey, by]: [string, unknown]) => {
  const values = { [nameKey]: text(name) ?? "", [byKey]: text(by) ?? "" };
  return t(values[nameKey] ? (values[byKey] ? ids.namedBy : ids.named) : values[byKey] ? ids.by : ids.plain, values);
};

/** A change to a profile, by the profile it was made from: "Profile deleted: Sam, by Mum", "Lock set on Dad's profile". */
const profileChange = (ids: Phrases) => (d: Details) => ({
  title: phrase(ids, ["profile", d.profileName], ["by", d.actingProfileName]),
});

/** "TV sign-in approved for Living room TV, as Alex". */
const tvDecision = (ids: Phrases) => (d: Details) => ({ title: phrase(ids, ["device", d.deviceName], ["profile", d.profileName]) });

/** Title names an entry lists: recorded as a list, or already joined into one line. */
const titleNames = (value: unknown) =>
  Array.isArray(value) ? list(value.filter((name): name is string => typeof name === "string" && name !== "")) || undefined : text(value);

/** "Rating 7+ → 13+ · Blocked: Cold Ledger · Unblocked: Moon Bakery": what a parental controls change did. */
const parentalChanges = (d: Details) => {
  const from = text(d.ratingFrom);
  const to = text(d.ratingTo);
  const blocked = titleNames(d.blocked);
  const unblocked = titleNames(d.unblocked);
  const exitKids =
    d.askPasswordToExitKids === true
      ? t("account.activityEvent.exitKidsAsks")
      : d.askPasswordToExitKids === false
        ? t("account.activityEvent.exitKidsNoLongerAsks")
        : undefined;
  return (
    [
      from && to && t("account.activityEvent.rating", { from, to }),
      blocked && t("account.activityEvent.blocked", { titles: blocked }),
      unblocked && t("account.activityEvent.unblocked", { titles: unblocked }),
      exitKids,
    ]
      .filter(Boolean)
      .join(" · ") || undefined
  );
};

const bySupport = (d: Details) => d.by === "support";

const changedSettings = new Map<string, MessageId>([
  ["name", "account.activityEvent.settingName"],
  ["avatar", "account.activityEvent.settingAvatar"],
  ["isKids", "account.activityEvent.settingKids"],
]);

/**
 * How a sign-in was made, when it wasn't with the password ("passkey" is the second step,
 * "passkey_only" the passkey alone; a TV used a code): without the device, and with it.
 */
const signInWays = new Map<unknown, [MessageId, MessageId]>([
  ["passkey", ["account.activityEvent.signedInPasskey", "account.activityEvent.signedInPasskeyOn"]],
  ["passkey_only", ["account.activityEvent.signedInPasskey", "account.activityEvent.signedInPasskeyOn"]],
  ["sign_in_code", ["account.activityEvent.signedInCode", "account.activityEvent.signedInCodeOn"]],
  ["tv_code", ["account.activityEvent.signedInTvCode", "account.activityEvent.signedInTvCodeOn"]],
]);

/**
 * The device an entry names, unless it is the one the entry's own line already shows under it
 * (the browser it came from): a TV or an app signed in from elsewhere is named.
 */
const otherDevice = (d: Details, event: ActivityEvent) =>
  text(d.deviceName) && d.deviceName !== event.device ? String(d.deviceName) : undefined;

/** "Signed in with a passkey on Firefox on Windows"; a TV says it used a code. */
const signedIn = (d: Details, event: ActivityEvent) => {
  const device = otherDevice(d, event);
  const [plain, on] = signInWays.get(d.method) ?? ["account.activityEvent.signedIn", "account.activityEvent.signedInOn"];
  return device ? t(on, { device }) : t(plain);
};

/** "As Sam on Living room TV": who watched, and where. */
const watchedAs = (d: Details) => {
  const profile = text(d.profileName);
  const device = text(d.deviceName);
  if (profile && device) return t("account.activityEvent.watchingAsOn", { profile, device });
  if (profile) return t("account.activityEvent.watchingAs", { profile });
  return device ? t("account.activityEvent.watchingOn", { device }) : undefined;
};

type Describe = (details: Details, event: ActivityEvent) => Omit<DescribedEvent, "tone"> & { tone?: Tone };

const described: Record<string, Describe> = {
  account_created: () => ({ title: t("account.activityEvent.accountCreated") }),
  signed_in: (d, event) => ({ title: signedIn(d, event), detail: passkeyUsed(d) }),
  sign_in_failed: () => ({
    title: t("account.activityEvent.signInFailed"),
    detail: t("account.activityEvent.signInFailedDetail"),
    tone: "warning",
  }),
  sign_in_code_required: () => ({
    title: t("account.activityEvent.signInCodeRequired"),
    detail: t("account.activityEvent.signInCodeRequiredDetail"),
    tone: "warning",
  }),
  sign_in_code_requested: (d) => ({
    title: d.sent === false ? t("account.activityEvent.signInCodeNotSent") : t("account.activityEvent.signInCodeSent"),
    detail:
      d.sent === false
        ? notSent(d.reason, "account.activityEvent.tooManyCodes")
        : d.method === "sms"
          ? t("account.activityEvent.sentByText")
          : t("account.activityEvent.sentByEmail"),
    ...(d.sent === false ? { tone: "warning" as const } : {}),
  }),
  signed_out: (d, event) => {
    const device = otherDevice(d, event);
    return { title: device ? t("account.activityEvent.signedOutOn", { device }) : t("account.activityEvent.signedOut") };
  },
  signed_out_all_devices: (d) => ({ title: t("account.activityEvent.signedOutAll"), detail: devices(d.signedOutDevices) }),
  signed_out_other_devices: (d) => ({ title: t("account.activityEvent.signedOutOthers"), detail: devices(d.signedOutDevices) }),
  signed_out_device: (d) => ({
    title: naming("account.activityEvent.signedOutADevice", "account.activityEvent.signedOutDevice", "device", d.deviceName),
  }),
  password_changed: (d) => ({
    title: t("account.activityEvent.passwordChanged"),
    detail: d.requireAllDevicesToSignIn === false ? t("account.activityEvent.othersStayedSignedIn") : devices(d.signedOutDevices),
  }),
  password_check_failed: () => ({
    title: t("account.activityEvent.passwordCheckFailed"),
    detail: t("account.activityEvent.changeRefused"),
    tone: "warning",
  }),
  password_reset_requested: (d) => ({
    title: t("account.activityEvent.passwordResetRequested"),
    detail:
      d.sent === false
        ? notSent(d.reason, "account.activityEvent.tooManyResets")
        : d.method === "sms"
          ? t("account.activityEvent.resetCodeSentByText")
          : t("account.activityEvent.resetLinkSentByEmail"),
    ...(d.sent === false ? { tone: "warning" as const } : {}),
  }),
  password_reset: (d) => ({
    title: d.method === "sms" ? t("account.activityEvent.passwordResetByText") : t("account.activityEvent.passwordResetByEmail"),
    detail: devices(d.signedOutDevices),
  }),
  phone_added: (d) => ({
    title: naming("account.activityEvent.phoneAdded", "account.activityEvent.phoneAddedNamed", "phone", d.maskedPhone),
  }),
  phone_changed: (d) => ({ title: t("account.activityEvent.phoneChanged"), detail: fromTo(d) }),
  phone_verified: (d) => ({
    title: naming("account.activityEvent.phoneVerified", "account.activityEvent.phoneVerifiedNamed", "phone", d.maskedPhone),
  }),
  phone_removed: (d) => ({
    title: naming("account.activityEvent.phoneRemoved", "account.activityEvent.phoneRemovedNamed", "phone", d.maskedPhone),
  }),
  email_verified: () => ({ title: t("account.activityEvent.emailVerified") }),
  email_change_requested: () => ({
    title: t("account.activityEvent.emailChangeRequested"),
    detail: t("account.activityEvent.emailChangeRequestedDetail"),
  }),
  email_changed: (d) => ({ title: t("account.activityEvent.emailChanged"), detail: fromTo(d) }),
  plan_changed: (d) => ({ title: t("account.activityEvent.planChanged"), detail: fromTo(d, planName) }),
  watching_started: (d) => ({
    title: naming("account.activityEvent.watchingStarted", "account.activityEvent.watchingStartedNamed", "title", d.titleName),
    detail: watchedAs(d),
  }),
  watching_stopped: (d) => {
    const stoppedOn = text(d.stoppedOn);
    const device = text(d.deviceName);
    return {
      title: naming("account.activityEvent.watchingStopped", "account.activityEvent.watchingStoppedNamed", "title", d.titleName),
      detail: stoppedOn
        ? device
          ? t("account.activityEvent.stoppedOnFrom", { stoppedOn, device })
          : t("account.activityEvent.stoppedOnFromAnother", { stoppedOn })
        : undefined,
    };
  },
  profile_created: profileChange({
    plain: "account.activityEvent.profileAdded",
    named: "account.activityEvent.profileAddedNamed",
    by: "account.activityEvent.profileAddedBy",
    namedBy: "account.activityEvent.profileAddedNamedBy",
  }),
  profile_updated: (d) => {
    const changed =
      typeof d.changed === "string"
        ? d.changed
            .split(",")
            .map((key) => changedSettings.get(key))
            .filter((id) => id !== undefined)
            .map((id) => t(id))
        : [];
    return {
      ...profileChange({
        plain: "account.activityEvent.profileEdited",
        named: "account.activityEvent.profileEditedNamed",
        by: "account.activityEvent.profileEditedBy",
        namedBy: "account.activityEvent.profileEditedNamedBy",
      })(d),
      detail: changed.length > 0 ? t("account.activityEvent.profileEditedDetail", { settings: list(changed) }) : undefined,
    };
  },
  profile_deleted: profileChange({
    plain: "account.activityEvent.profileDeleted",
    named: "account.activityEvent.profileDeletedNamed",
    by: "account.activityEvent.profileDeletedBy",
    namedBy: "account.activityEvent.profileDeletedNamedBy",
  }),
  tv_sign_in_approved: tvDecision({
    plain: "account.activityEvent.tvApproved",
    named: "account.activityEvent.tvApprovedNamed",
    by: "account.activityEvent.tvApprovedAs",
    namedBy: "account.activityEvent.tvApprovedNamedAs",
  }),
  tv_sign_in_denied: tvDecision({
    plain: "account.activityEvent.tvDenied",
    named: "account.activityEvent.tvDeniedNamed",
    by: "account.activityEvent.tvDeniedAs",
    namedBy: "account.activityEvent.tvDeniedNamedAs",
  }),
  reauthenticated: (d) => ({ title: t("account.activityEvent.reauthenticated"), detail: passkeyUsed(d) }),
  reauth_failed: () => ({ title: t("account.activityEvent.reauthFailed"), tone: "warning" }),
  two_step_enabled: (d) => ({
    title: d.method === "passkey" ? t("account.activityEvent.passkeyAfterPasswordOn") : t("account.activityEvent.twoStepOn"),
    detail: devices(d.signedOutDevices),
  }),
  two_step_disabled: (d) => ({
    title: d.method === "passkey" ? t("account.activityEvent.passkeyAfterPasswordOff") : t("account.activityEvent.twoStepOff"),
    detail: devices(d.signedOutDevices),
  }),
  two_step_failed: () => ({
    title: t("account.activityEvent.twoStepFailed"),
    detail: t("account.activityEvent.twoStepFailedDetail"),
    tone: "warning",
  }),
  backup_codes_generated: () => ({ title: t("account.activityEvent.backupCodesGenerated") }),
  backup_code_used: () => ({ title: t("account.activityEvent.backupCodeUsed") }),
  passkey_added: (d) => ({
    title: naming("account.activityEvent.passkeyAdded", "account.activityEvent.passkeyAddedNamed", "passkey", d.passkeyName),
    detail: devices(d.signedOutDevices),
  }),
  passkey_renamed: (d) => ({ title: t("account.activityEvent.passkeyRenamed"), detail: fromTo(d) }),
  passkey_removed: (d) => ({
    title: naming("account.activityEvent.passkeyRemoved", "account.activityEvent.passkeyRemovedNamed", "passkey", d.passkeyName),
    detail: devices(d.signedOutDevices),
  }),
  profile_pin_set: profileChange({
    plain: "account.activityEvent.lockSet",
    named: "account.activityEvent.lockSetNamed",
    by: "account.activityEvent.lockSetBy",
    namedBy: "account.activityEvent.lockSetNamedBy",
  }),
  profile_pin_changed: profileChange({
    plain: "account.activityEvent.lockPinChanged",
    named: "account.activityEvent.lockPinChangedNamed",
    by: "account.activityEvent.lockPinChangedBy",
    namedBy: "account.activityEvent.lockPinChangedNamedBy",
  }),
  profile_pin_removed: profileChange({
    plain: "account.activityEvent.lockRemoved",
    named: "account.activityEvent.lockRemovedNamed",
    by: "account.activityEvent.lockRemovedBy",
    namedBy: "account.activityEvent.lockRemovedNamedBy",
  }),
  profile_pin_failed: (d) => ({
    title: naming("account.activityEvent.pinFailed", "account.activityEvent.pinFailedNamed", "profile", d.profileName),
    tone: "warning",
  }),
  account_locked: (d) => ({
    title: t("account.activityEvent.accountLocked"),
    detail: [devices(d.signedOutDevices), t("account.activityEvent.accountLockedDetail")].filter(Boolean).join(" "),
    tone: "warning",
  }),
  account_unlocked: () => ({ title: t("account.activityEvent.accountUnlocked"), detail: t("account.activityEvent.accountUnlockedDetail") }),
  signed_out_by_support: (d) => ({
    title: text(d.deviceName)
      ? t("account.activityEvent.signedOutDevice", { device: String(d.deviceName) })
      : t("account.activityEvent.signedOutAll"),
    detail: text(d.deviceName) ? undefined : devices(d.signedOutDevices),
  }),
  two_step_reset: () => ({
    title: t("account.activityEvent.twoStepReset"),
    detail: t("account.activityEvent.twoStepResetDetail"),
    tone: "warning",
  }),
  data_exported: (d) => ({ title: bySupport(d) ? t("account.activityEvent.dataExported") : t("account.activityEvent.dataDownloaded") }),
  parental_controls_changed: (d) => ({
    ...profileChange({
      plain: "account.activityEvent.parentalControlsChanged",
      named: "account.activityEvent.parentalControlsChangedNamed",
      by: "account.activityEvent.parentalControlsChangedBy",
      namedBy: "account.activityEvent.parentalControlsChangedNamedBy",
    })(d),
    detail: parentalChanges(d),
  }),
  profile_lock_setting_changed: (d) => {
    if (typeof d.requirePinToAddProfiles !== "boolean") return { title: t("account.activityEvent.profileLockSettingChanged") };
    const by = text(d.actingProfileName);
    const [plain, withBy]: [MessageId, MessageId] = d.requirePinToAddProfiles
      ? ["account.activityEvent.requirePinOn", "account.activityEvent.requirePinOnBy"]
      : ["account.activityEvent.requirePinOff", "account.activityEvent.requirePinOffBy"];
    return { title: by ? t(withBy, { by }) : t(plain) };
  },
};

/** A type this app doesn't know yet: its name in words ("something_new" → "Something new"), as the server spells it. */
const unknownType: Describe = (_, event) => {
  const words = event.type.replace(/_/g, " ");
  return { title: words.charAt(0).toUpperCase() + words.slice(1) };
};

export function describeEvent(event: ActivityEvent): DescribedEvent {
  const inWords = Object.hasOwn(described, event.type) ? described[event.type]! : unknownType;
  const { tone = "normal", title, ...rest } = inWords(event.details, event);
  // Support's actions say so: "Account locked by Usher support".
  return { tone, title: bySupport(event.details) ? t("account.activityEvent.bySupport", { event: title }) : title, ...rest };
}
