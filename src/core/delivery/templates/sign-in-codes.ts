// Sign-in codes: asked for with "Use a sign-in code", or sent to finish a sign-in from a new
// device once the account's password guesses are being throttled. The code is the subject's
// first words in neither: mail previews and lock screens show subjects.
import { z } from "zod";
import type { EmailTemplate, SmsTemplate } from "./template";

const code = z.string().regex(/^\d{6}$/);

export const signInCode: EmailTemplate<{ code: string; device: string; newDevice: boolean }> = {
  channel: "email",
  payload: z.object({ code, device: z.string().min(1).max(200), newDevice: z.boolean() }),
  secrets: ["code"],
  render: ({ code, device, newDevice }) =>
    newDevice
      ? {
          subject: "Finish signing in to Usher",
          preheader: `${device} is signing in to your account with your password.`,
          paragraphs: [
            `Someone is signing in to your Usher account on ${device} with your password. To keep your account safe, a new device needs this code as well:`,
            code,
            "It expires in 10 minutes and works once. If this wasn't you, someone knows your password: don't share the code, and change your password now.",
          ],
          securityNotice: true,
        }
      : {
          subject: "Your Usher sign-in code",
          preheader: `A code to sign in on ${device}.`,
          paragraphs: [
            `Use this code to sign in to Usher on ${device}:`,
            code,
            "It expires in 10 minutes and works once. If you didn't ask for it, ignore this email: no one can sign in without the code.",
          ],
        },
};

export const signInCodeText: SmsTemplate<{ code: string }> = {
  channel: "sms",
  payload: z.object({ code }),
  secrets: ["code"],
  render: ({ code }) => `Your Usher sign-in code is ${code}. It expires in 10 minutes. Don't share it with anyone.`,
};
