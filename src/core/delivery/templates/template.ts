// The shape of a template: which channel it goes by, the payload it expects (checked before
// rendering, so a malformed message fails for good instead of sending nonsense), and how it reads.
import type { z } from "zod";
import type { Brand, EmailContent } from "./layout";
import type { Reader } from "./reader";

export interface EmailTemplate<P> {
  channel: "email";
  payload: z.ZodType<P>;
  /** Payload fields that are bearer secrets (link tokens): blanked once the message is done with. */
  secrets?: readonly (keyof P & string)[];
  /** Deleted from the outbox once delivered or given up on: its recipient must not stay behind. */
  eraseOnceDone?: true;
  render(payload: P, brand: Brand, reader: Reader): EmailContent;
}

export interface SmsTemplate<P> {
  channel: "sms";
  payload: z.ZodType<P>;
  secrets?: readonly (keyof P & string)[];
  render(payload: P, brand: Brand, reader: Reader): string;
}

/** Any template, its payload read as a plain object: the renderer checks it against `payload` first. */
export type AnyTemplate = EmailTemplate<Record<string, unknown>> | SmsTemplate<Record<string, unknown>>;
