// Text messages: short, with the code first in the sentence and no link (codes only).
import { z } from "zod";
import { textMessage } from "./phrases";
import type { SmsTemplate } from "./template";

const code = z.object({ code: z.string().regex(/^\d{6}$/) });

export const phoneVerification: SmsTemplate<{ code: string }> = {
  channel: "sms",
  payload: code,
  secrets: ["code"],
  render: ({ code }, _brand, reader) => textMessage(reader, "text.phoneVerification", { code }),
};

export const passwordResetCode: SmsTemplate<{ code: string }> = {
  channel: "sms",
  payload: code,
  secrets: ["code"],
  render: ({ code }, _brand, reader) => textMessage(reader, "text.passwordResetCode", { code }),
};
