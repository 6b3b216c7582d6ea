// Sign-in codes: asked for with "Use a sign-in code", or sent to finish a sign-in from a new
// device once the account's password guesses are being throttled. The code is the subject's
// first words in neither: mail previews and lock screens show subjects.
import { z } from "zod";
import { phrase, textMessage } from "./phrases";
import type { EmailTemplate, SmsTemplate } from "./template";

const code = z.string().regex(/^\d{6}$/);

export const signInCode: EmailTemplate<{ code: string; device: string; newDevice: boolean }> = {
  channel: "email",
  payload: z.object({ code, device: z.string().min(1).max(200), newDevice: z.boolean() }),
  secrets: ["code"],
  render: ({ code, device, newDevice }, _brand, reader) =>
    newDevice
      ? {
          subject: phrase(reader, "email.signInCode.newDevice.subject"),
          preheader: phrase(reader, "email.signInCode.newDevice.preheader", { device }),
          paragraphs: [
            phrase(reader, "email.signInCode.newDevice.paragraph1", { device }),
            code,
            phrase(reader, "email.signInCode.newDevice.paragraph2"),
          ],
          securityNotice: true,
        }
      : {
          subject: phrase(reader, "email.signInCode.requested.subject"),
          preheader: phrase(reader, "email.signInCode.requested.preheader", { device }),
          paragraphs: [
            phrase(reader, "email.signInCode.requested.paragraph1", { device }),
            code,
            phrase(reader, "email.signInCode.requested.paragraph2"),
          ],
        },
};

export const signInCodeText: SmsTemplate<{ code: string }> = {
  channel: "sms",
  payload: z.object({ code }),
  secrets: ["code"],
  render: ({ code }, _brand, reader) => textMessage(reader, "text.signInCode", { code }),
};
