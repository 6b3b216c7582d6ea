// Emails that carry a single-use link: verify an email address, reset a forgotten password.
// The token travels in the URL fragment, so it never reaches a server's access log.
import { z } from "zod";
import { phrase } from "./phrases";
import type { EmailTemplate } from "./template";

export const emailVerification: EmailTemplate<{ token: string }> = {
  channel: "email",
  payload: z.object({ token: z.string().min(1) }),
  secrets: ["token"],
  render: ({ token }, brand, reader) => ({
    subject: phrase(reader, "email.emailVerification.subject"),
    preheader: phrase(reader, "email.emailVerification.preheader"),
    paragraphs: [phrase(reader, "email.emailVerification.paragraph1"), phrase(reader, "email.emailVerification.paragraph2")],
    button: {
      label: phrase(reader, "email.emailVerification.button"),
      url: `${brand.publicUrl}/verify-email#token=${encodeURIComponent(token)}`,
    },
  }),
};

export const emailChange: EmailTemplate<{ token: string }> = {
  channel: "email",
  payload: z.object({ token: z.string().min(1) }),
  secrets: ["token"],
  render: ({ token }, brand, reader) => ({
    subject: phrase(reader, "email.emailChange.subject"),
    preheader: phrase(reader, "email.emailChange.preheader"),
    paragraphs: [phrase(reader, "email.emailChange.paragraph1"), phrase(reader, "email.emailChange.paragraph2")],
    button: {
      label: phrase(reader, "email.emailChange.button"),
      url: `${brand.publicUrl}/confirm-email#token=${encodeURIComponent(token)}`,
    },
  }),
};

export const passwordReset: EmailTemplate<{ token: string }> = {
  channel: "email",
  payload: z.object({ token: z.string().min(1) }),
  secrets: ["token"],
  render: ({ token }, brand, reader) => ({
    subject: phrase(reader, "email.passwordReset.subject"),
    preheader: phrase(reader, "email.passwordReset.preheader"),
    paragraphs: [phrase(reader, "email.passwordReset.paragraph1"), phrase(reader, "email.passwordReset.paragraph2")],
    button: {
      label: phrase(reader, "email.passwordReset.button"),
      url: `${brand.publicUrl}/reset-password#token=${encodeURIComponent(token)}`,
    },
  }),
};
