// Emails about what support or the owner did to the account itself: locked, unlocked, deleted.
// None carries "This wasn't me": a locked or deleted account has no page to secure.
import { z } from "zod";
import { formatMoment } from "./layout";
import type { EmailTemplate } from "./template";

const at = z.string().datetime({ offset: true });

export const accountLocked: EmailTemplate<{ at: string }> = {
  channel: "email",
  payload: z.object({ at }),
  render: ({ at }) => ({
    subject: "Your account was locked",
    preheader: "Usher support locked your account.",
    paragraphs: [
      `On ${formatMoment(at)} Usher support locked your account, and every device was signed out.`,
      "While it is locked, nobody can sign in to it, whatever password or code they have. To find out why and to unlock it, contact Usher support.",
    ],
  }),
};

export const accountUnlocked: EmailTemplate<{ at: string }> = {
  channel: "email",
  payload: z.object({ at }),
  render: ({ at }) => ({
    subject: "Your account was unlocked",
    preheader: "You can sign in to Usher again.",
    paragraphs: [`On ${formatMoment(at)} Usher support unlocked your account. You can sign in again with your password.`],
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
  render: ({ at }) => ({
    subject: "Your Usher account was deleted",
    preheader: "Your account and its data are gone.",
    paragraphs: [
      `On ${formatMoment(at)} your Usher account was deleted: its profiles, devices, activity and viewing history are erased, and every device was signed out.`,
      "We won't send anything more to this address. You're welcome to sign up again at any time, as a new member.",
    ],
  }),
};
