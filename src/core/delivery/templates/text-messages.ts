// Text messages: short, with the code first in the sentence and no link (codes only).
import { z } from "zod";
import type { SmsTemplate } from "./template";

const code = z.object({ code: z.string().regex(/^\d{6}$/) });

export const phoneVerification: SmsTemplate<{ code: string }> = {
  channel: "sms",
  payload: code,
  secrets: ["code"],
  render: ({ code }) => `Your Usher verification code is ${code}. It expires in 10 minutes.`,
};

export const passwordResetCode: SmsTemplate<{ code: string }> = {
  channel: "sms",
  payload: code,
  secrets: ["code"],
  render: ({ code }) => `Your Usher password reset code is ${code}. It expires in 10 minutes. Didn't ask? Ignore this text.`,
};
