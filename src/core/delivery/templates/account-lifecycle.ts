// Emails about what support or the owner did to the account itself: locked, unlocked, deleted.
// None carries "This wasn't me": a locked or deleted account has no page to secure.
import { z } from "zod";
import { formatMoment } from "./layout";
import { phrase } from "./phrases";
import type { EmailTemplate } from "./template";

const at = z.string().datetime({ offset: true });

export const accountLocked: EmailTemplate<{ at: string }> = {
  channel: "email",
  payload: z.object({ at }),
  render: ({ at }, _brand, reader) => ({
    subject: phrase(reader, "email.accountLocked.subject"),
    preheader: phrase(reader, "email.accountLocked.preheader"),
    paragraphs: [
      phrase(reader, "email.accountLocked.paragraph1", { moment: formatMoment(at, reader) }),
      phrase(reader, "email.accountLocked.paragraph2"),
    ],
  }),
};

export const accountUnlocked: EmailTemplate<{ at: string }> = {
  channel: "email",
  payload: z.object({ at }),
  render: ({ at }, _brand, reader) => ({
    subject: phrase(reader, "email.accountUnlocked.subject"),
    preheader: phrase(reader, "email.accountUnlocked.preheader"),
    paragraphs: [phrase(reader, "email.accountUnlocked.paragraph1", { moment: formatMoment(at, reader) })],
  }),
};

/**
 * The last message to a deleted account's address. It names no account, and it is erased from
 * the outbox once delivered or given up on: the address must not outlive the account.
 */
export const accountDeleted: EmailTemplate<{ at: string }> = {
  channel: "email",
  payload: z.object({ at }),
  eraseOnceDone: true,
  render: ({ at }, _brand, reader) => ({
    subject: phrase(reader, "email.accountDeleted.subject"),
    preheader: phrase(reader, "email.accountDeleted.preheader"),
    paragraphs: [
      phrase(reader, "email.accountDeleted.paragraph1", { moment: formatMoment(at, reader) }),
      phrase(reader, "email.accountDeleted.paragraph2"),
    ],
  }),
};
