// The account page: membership details, password and phone.
import { z } from "zod";
import { passwordInput, text, timestamp } from "./common";
import { languageCode } from "./language";
import { publicProfile } from "./profiles";

export const plans = ["basic", "standard", "premium"] as const;

export const publicPhone = z.object({
  /** Only the last digits are shown, e.g. "+1 ••• ••• ••43". */
  masked: z.string(),
  verified: z.boolean(),
  smsOptIn: z.boolean(),
});

export const accountResponse = z.object({
  account: z.object({
    email: z.string(),
    plan: z.enum(plans),
    /** How many screens the plan lets the account watch on at once. */
    screens: z.number().int(),
    phone: publicPhone.nullable(),
    passwordChangedAt: timestamp,
    memberSince: timestamp,
    /** False until the sign-up's link is opened (the web app shows a reminder). */
    emailVerified: z.boolean(),
    /** The language and time zone of the account's emails and texts. */
    language: languageCode,
    timeZone: z.string(),
  }),
});
export type AccountResponse = z.infer<typeof accountResponse>;

export const meResponse = z.object({
  account: z.object({ id: z.string(), email: z.string(), emailVerified: z.boolean() }),
  session: z.object({ id: z.string(), deviceKind: z.string(), deviceName: z.string() }),
  profile: publicProfile.nullable(),
});

export const changePasswordRequest = z.strictObject({
  currentPassword: passwordInput,
  newPassword: passwordInput,
  /** Sign every other device out too ("Require all devices to sign in again"). */
  signOutOtherDevices: z.boolean().default(true),
});
export type ChangePasswordRequest = z.infer<typeof changePasswordRequest>;

export const changePasswordResponse = z.object({
  /** How many other devices were signed out (0 when they were kept signed in). */
  signedOutOtherDevices: z.number().int(),
  /** The current device's new token, for phone and TV apps; browsers get a new cookie. */
  token: z.string().optional(),
});

export const setPhoneRequest = z.strictObject({
  phone: text().trim().min(1).max(40),
  /** ISO 3166 country for numbers typed without "+": "US", "GB", … */
  country: text().length(2).toUpperCase().optional(),
  currentPassword: passwordInput,
  smsOptIn: z.boolean(),
});
export type SetPhoneRequest = z.infer<typeof setPhoneRequest>;

export const phoneCodeSentResponse = z.object({
  phone: publicPhone,
  /** When the code just texted stops working; null when the number was already verified. */
  codeExpiresAt: timestamp.nullable(),
});

export const verifyPhoneRequest = z.strictObject({
  code: text()
    .trim()
    .regex(/^\d{6}$/, "The code has 6 digits."),
});

export const removePhoneRequest = z.strictObject({ currentPassword: passwordInput });

/** After removing the number: null. */
export const phoneResponse = z.object({ phone: publicPhone.nullable() });
/** After verifying the texted code: the number, now verified. */
export const phoneVerifiedResponse = z.object({ phone: publicPhone });

/** Membership & Billing → Change plan. */
export const planOption = z.object({
  id: z.enum(plans),
  name: z.string(),
  /** Screens that may watch at once. */
  screens: z.number().int(),
});

export const plansResponse = z.object({ plan: z.enum(plans), plans: z.array(planOption) });
export type PlansResponse = z.infer<typeof plansResponse>;

export const changePlanRequest = z.strictObject({ plan: z.enum(plans) });

export const changePlanResponse = z.object({
  plan: z.enum(plans),
  /** Fewer screens than before: streams already playing go on, new ones meet the new limit. */
  downgrade: z.boolean(),
});
