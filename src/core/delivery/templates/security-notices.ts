// Emails that tell the owner at once of a security change, each with "This wasn't me"
// (added by the layout) leading to /secure-account. Payloads hold only what the owner needs
// to recognise the change: a device, an IP, a masked number or address, a time.
import { z } from "zod";
import { formatMoment } from "./layout";
import { type PhraseId, phrase } from "./phrases";
import type { Reader } from "./reader";
import type { EmailTemplate } from "./template";

const at = z.string().datetime({ offset: true });

/** The last paragraph of every notice. */
const nothingToDo = (reader: Reader) => phrase(reader, "email.securityNotice.nothingToDo");

export const newSignIn: EmailTemplate<{ device: string; ip: string | null; at: string }> = {
  channel: "email",
  payload: z.object({ device: z.string().min(1).max(200), ip: z.string().max(64).nullable(), at }),
  render: ({ device, ip, at }, _brand, reader) => ({
    subject: phrase(reader, "email.newSignIn.subject"),
    preheader: phrase(reader, "email.newSignIn.preheader", { device }),
    paragraphs: [
      phrase(reader, "email.newSignIn.paragraph1"),
      phrase(reader, "email.newSignIn.device", { device }),
      phrase(reader, "email.newSignIn.time", { moment: formatMoment(at, reader) }),
      ip === null ? phrase(reader, "email.newSignIn.ipUnknown") : phrase(reader, "email.newSignIn.ip", { ip }),
      nothingToDo(reader),
    ],
    securityNotice: true,
  }),
};

export const passwordChanged: EmailTemplate<{ at: string }> = {
  channel: "email",
  payload: z.object({ at }),
  render: ({ at }, _brand, reader) => ({
    subject: phrase(reader, "email.passwordChanged.subject"),
    preheader: phrase(reader, "email.passwordChanged.preheader"),
    paragraphs: [phrase(reader, "email.passwordChanged.paragraph1", { moment: formatMoment(at, reader) }), nothingToDo(reader)],
    securityNotice: true,
  }),
};

export const emailChanged: EmailTemplate<{ newEmail: string; at: string }> = {
  channel: "email",
  payload: z.object({ newEmail: z.string().min(1).max(320), at }),
  render: ({ newEmail, at }, _brand, reader) => ({
    subject: phrase(reader, "email.emailChanged.subject"),
    preheader: phrase(reader, "email.emailChanged.preheader"),
    paragraphs: [phrase(reader, "email.emailChanged.paragraph1", { moment: formatMoment(at, reader), newEmail }), nothingToDo(reader)],
    securityNotice: true,
  }),
};

// Each change is its own pair of whole sentences: "added to", "removed from" don't translate
// as a fragment slotted into one sentence.
const phoneChanges = {
  added: { subject: "email.phoneChanged.added.subject", paragraph: "email.phoneChanged.added.paragraph1" },
  changed: { subject: "email.phoneChanged.changed.subject", paragraph: "email.phoneChanged.changed.paragraph1" },
  removed: { subject: "email.phoneChanged.removed.subject", paragraph: "email.phoneChanged.removed.paragraph1" },
} as const satisfies Record<string, { subject: PhraseId; paragraph: PhraseId }>;

export const phoneChanged: EmailTemplate<{ phone: string; change: keyof typeof phoneChanges; at: string }> = {
  channel: "email",
  payload: z.object({ phone: z.string().min(1).max(40), change: z.enum(["added", "changed", "removed"]), at }),
  render: ({ phone, change, at }, _brand, reader) => ({
    subject: phrase(reader, phoneChanges[change].subject),
    preheader: phrase(reader, "email.phoneChanged.preheader"),
    paragraphs: [phrase(reader, phoneChanges[change].paragraph, { moment: formatMoment(at, reader), phone }), nothingToDo(reader)],
    securityNotice: true,
  }),
};

const twoStepChanges = {
  two_step_on: { subject: "email.twoStepChanged.twoStepOn.subject", paragraph: "email.twoStepChanged.twoStepOn.paragraph1" },
  two_step_off: { subject: "email.twoStepChanged.twoStepOff.subject", paragraph: "email.twoStepChanged.twoStepOff.paragraph1" },
  two_step_reset: { subject: "email.twoStepChanged.twoStepReset.subject", paragraph: "email.twoStepChanged.twoStepReset.paragraph1" },
  passkey_added: { subject: "email.twoStepChanged.passkeyAdded.subject", paragraph: "email.twoStepChanged.passkeyAdded.paragraph1" },
  passkey_removed: {
    subject: "email.twoStepChanged.passkeyRemoved.subject",
    paragraph: "email.twoStepChanged.passkeyRemoved.paragraph1",
  },
  backup_codes_renewed: {
    subject: "email.twoStepChanged.backupCodesRenewed.subject",
    paragraph: "email.twoStepChanged.backupCodesRenewed.paragraph1",
  },
} as const satisfies Record<string, { subject: PhraseId; paragraph: PhraseId }>;

export const twoStepChanged: EmailTemplate<{ change: keyof typeof twoStepChanges; at: string }> = {
  channel: "email",
  payload: z.object({ change: z.enum(Object.keys(twoStepChanges) as [keyof typeof twoStepChanges]), at }),
  render: ({ change, at }, _brand, reader) => ({
    subject: phrase(reader, twoStepChanges[change].subject),
    preheader: phrase(reader, "email.twoStepChanged.preheader"),
    paragraphs: [phrase(reader, twoStepChanges[change].paragraph, { moment: formatMoment(at, reader) }), nothingToDo(reader)],
    securityNotice: true,
  }),
};

export const signedOutAllDevices: EmailTemplate<{ at: string }> = {
  channel: "email",
  payload: z.object({ at }),
  render: ({ at }, _brand, reader) => ({
    subject: phrase(reader, "email.signedOutAllDevices.subject"),
    preheader: phrase(reader, "email.signedOutAllDevices.preheader"),
    paragraphs: [phrase(reader, "email.signedOutAllDevices.paragraph1", { moment: formatMoment(at, reader) }), nothingToDo(reader)],
    securityNotice: true,
  }),
};

export const planChanged: EmailTemplate<{ plan: string; screens: number; downgrade: boolean; at: string }> = {
  channel: "email",
  payload: z.object({ plan: z.string().min(1).max(40), screens: z.number().int().min(1).max(20), downgrade: z.boolean(), at }),
  render: ({ plan, screens, downgrade, at }, _brand, reader) => ({
    subject: phrase(reader, "email.planChanged.subject", { plan }),
    preheader: phrase(reader, "email.planChanged.preheader", { plan }),
    paragraphs: [
      phrase(reader, "email.planChanged.paragraph1", { moment: formatMoment(at, reader), plan, screens }),
      ...(downgrade ? [phrase(reader, "email.planChanged.downgrade")] : []),
      nothingToDo(reader),
    ],
    securityNotice: true,
  }),
};

export const parentalControlsChanged: EmailTemplate<{ profile: string; at: string }> = {
  channel: "email",
  payload: z.object({ profile: z.string().min(1).max(100), at }),
  render: ({ profile, at }, _brand, reader) => ({
    subject: phrase(reader, "email.parentalControlsChanged.subject", { profile }),
    preheader: phrase(reader, "email.parentalControlsChanged.preheader", { profile }),
    paragraphs: [
      phrase(reader, "email.parentalControlsChanged.paragraph1", { moment: formatMoment(at, reader), profile }),
      phrase(reader, "email.parentalControlsChanged.paragraph2"),
      nothingToDo(reader),
    ],
    securityNotice: true,
  }),
};
