// Emails that carry a single-use link: verify an email address, reset a forgotten password.
// The token travels in the URL fragment, so it never reaches a server's access log.
import { z } from "zod";
import type { EmailTemplate } from "./template";

export const emailVerification: EmailTemplate<{ token: string }> = {
  channel: "email",
  payload: z.object({ token: z.string().min(1) }),
  secrets: ["token"],
  render: ({ token }, brand) => ({
    subject: "Verify your email address",
    preheader: "One click to confirm this is your email address.",
    paragraphs: [
      "Please confirm that this is the email address for your Usher account.",
      "The link works once and expires in 24 hours. If you didn't create an Usher account, you can ignore this email.",
    ],
    button: { label: "Verify email", url: `${brand.publicUrl}/verify-email#token=${encodeURIComponent(token)}` },
  }),
};

export const emailChange: EmailTemplate<{ token: string }> = {
  channel: "email",
  payload: z.object({ token: z.string().min(1) }),
  secrets: ["token"],
  render: ({ token }, brand) => ({
    subject: "Confirm your new email address",
    preheader: "One click to make this the email address of your Usher account.",
    paragraphs: [
      "You asked to use this address for your Usher account. It becomes your sign-in email once you confirm it.",
      "The link works once and expires in 24 hours. If you didn't ask for this, ignore this email: nothing changes.",
    ],
    button: { label: "Confirm new email", url: `${brand.publicUrl}/confirm-email#token=${encodeURIComponent(token)}` },
  }),
};

export const passwordReset: EmailTemplate<{ token: string }> = {
  channel: "email",
  payload: z.object({ token: z.string().min(1) }),
  secrets: ["token"],
  render: ({ token }, brand) => ({
    subject: "Reset your password",
    preheader: "A link to set a new Usher password.",
    paragraphs: [
      "Someone asked to reset the password of the Usher account for this email address.",
      "The link works once and expires in 1 hour. Setting a new password signs out every device. If you didn't ask for this, ignore this email: your password stays as it is.",
    ],
    button: { label: "Set a new password", url: `${brand.publicUrl}/reset-password#token=${encodeURIComponent(token)}` },
  }),
};
