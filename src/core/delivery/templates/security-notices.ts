// Emails that tell the owner at once of a security change, each with "This wasn't me"
// (added by the layout) leading to /secure-account. Payloads hold only what the owner needs
// to recognise the change: a device, an IP, a masked number or address, a time.
import { z } from "zod";
import { formatMoment } from "./layout";
import type { EmailTemplate } from "./template";

const at = z.string().datetime({ offset: true });

export const newSignIn: EmailTemplate<{ device: string; ip: string | null; at: string }> = {
  channel: "email",
  payload: z.object({ device: z.string().min(1).max(200), ip: z.string().max(64).nullable(), at }),
  render: ({ device, ip, at }) => ({
    subject: "New sign-in to your account",
    preheader: `${device} signed in to your Usher account.`,
    paragraphs: [
      "Someone just signed in to your Usher account on a device it hasn't been used on before.",
      `Device: ${device}`,
      `Time: ${formatMoment(at)}`,
      `IP address: ${ip ?? "unknown"}`,
      "If this was you, there's nothing to do.",
    ],
    securityNotice: true,
  }),
};

export const passwordChanged: EmailTemplate<{ at: string }> = {
  channel: "email",
  payload: z.object({ at }),
  render: ({ at }) => ({
    subject: "Your password was changed",
    preheader: "The password of your Usher account was changed.",
    paragraphs: [`The password of your Usher account was changed on ${formatMoment(at)}.`, "If this was you, there's nothing to do."],
    securityNotice: true,
  }),
};

export const emailChanged: EmailTemplate<{ newEmail: string; at: string }> = {
  channel: "email",
  payload: z.object({ newEmail: z.string().min(1).max(320), at }),
  render: ({ newEmail, at }) => ({
    subject: "Your email address was changed",
    preheader: "Your Usher account has a new email address.",
    paragraphs: [
      `On ${formatMoment(at)} the email address of your Usher account was changed to ${newEmail}. We won't send account email to this address any more.`,
      "If this was you, there's nothing to do.",
    ],
    securityNotice: true,
  }),
};

const phoneChanges = { added: "added to", changed: "changed on", removed: "removed from" } as const;

export const phoneChanged: EmailTemplate<{ phone: string; change: keyof typeof phoneChanges; at: string }> = {
  channel: "email",
  payload: z.object({ phone: z.string().min(1).max(40), change: z.enum(["added", "changed", "removed"]), at }),
  render: ({ phone, change, at }) => ({
    subject:
      change === "removed"
        ? "Your phone number was removed"
        : change === "added"
          ? "A phone number was added"
          : "Your phone number was changed",
    preheader: "The phone number of your Usher account changed.",
    paragraphs: [
      `On ${formatMoment(at)} the phone number ${phone} was ${phoneChanges[change]} your Usher account.`,
      "If this was you, there's nothing to do.",
    ],
    securityNotice: true,
  }),
};

const twoStepChanges = {
  two_step_on: "Two-step verification was turned on",
  two_step_off: "Two-step verification was turned off",
  two_step_reset: "Usher support reset your two-step verification",
  passkey_added: "A passkey was added",
  passkey_removed: "A passkey was removed",
  backup_codes_renewed: "New backup codes were made",
} as const;

export const twoStepChanged: EmailTemplate<{ change: keyof typeof twoStepChanges; at: string }> = {
  channel: "email",
  payload: z.object({ change: z.enum(Object.keys(twoStepChanges) as [keyof typeof twoStepChanges]), at }),
  render: ({ change, at }) => ({
    subject: twoStepChanges[change],
    preheader: "How you sign in to Usher changed.",
    paragraphs: [`${twoStepChanges[change]} for your Usher account on ${formatMoment(at)}.`, "If this was you, there's nothing to do."],
    securityNotice: true,
  }),
};

export const signedOutAllDevices: EmailTemplate<{ at: string }> = {
  channel: "email",
  payload: z.object({ at }),
  render: ({ at }) => ({
    subject: "You were signed out of all devices",
    preheader: "Every device must sign in to Usher again.",
    paragraphs: [
      `On ${formatMoment(at)} every device was signed out of your Usher account. Each must sign in again.`,
      "If this was you, there's nothing to do.",
    ],
    securityNotice: true,
  }),
};

export const planChanged: EmailTemplate<{ plan: string; screens: number; downgrade: boolean; at: string }> = {
  channel: "email",
  payload: z.object({ plan: z.string().min(1).max(40), screens: z.number().int().min(1).max(20), downgrade: z.boolean(), at }),
  render: ({ plan, screens, downgrade, at }) => ({
    subject: `Your plan is now ${plan}`,
    preheader: `Your Usher account changed to the ${plan} plan.`,
    paragraphs: [
      `On ${formatMoment(at)} your Usher account changed to the ${plan} plan: ${screens === 1 ? "1 screen" : `${screens} screens`} at a time.`,
      ...(downgrade ? ["Anything already playing keeps playing; the new limit applies to what starts next."] : []),
      "If this was you, there's nothing to do.",
    ],
    securityNotice: true,
  }),
};

export const parentalControlsChanged: EmailTemplate<{ profile: string; at: string }> = {
  channel: "email",
  payload: z.object({ profile: z.string().min(1).max(100), at }),
  render: ({ profile, at }) => ({
    subject: `Parental controls changed for ${profile}`,
    preheader: `What ${profile} may watch on Usher was changed.`,
    paragraphs: [
      `On ${formatMoment(at)} the Profile & Parental Controls of ${profile} were changed: the maturity rating, the blocked titles, or the account password asked for to leave a Kids profile.`,
      "You can see them under Manage profiles, with your account password.",
      "If this was you, there's nothing to do.",
    ],
    securityNotice: true,
  }),
};
