// Every template by the name stored in outbox.template, and the renderer the dispatcher and
// the dev mailbox use. A message whose template is unknown, whose channel doesn't match or
// whose payload doesn't fit fails for good (PermanentDeliveryError): retrying can't fix it.
// Each message is rendered for its reader: the account's language and time zone.
import type { OutboxMessageRecord } from "../ports";
import { PermanentDeliveryError } from "../senders";
import { accountDeleted, accountLocked, accountUnlocked } from "./account-lifecycle";
import { emailChange, emailVerification, passwordReset } from "./account-links";
import { type Brand, type RenderedEmail, renderEmail } from "./layout";
import type { Reader } from "./reader";
import {
  emailChanged,
  newSignIn,
  parentalControlsChanged,
  passwordChanged,
  phoneChanged,
  planChanged,
  signedOutAllDevices,
  twoStepChanged,
} from "./security-notices";
import { signInCode, signInCodeText } from "./sign-in-codes";
import type { AnyTemplate } from "./template";
import { passwordResetCode, phoneVerification } from "./text-messages";

export const templates = {
  email_verification: emailVerification,
  password_reset: passwordReset,
  email_change: emailChange,
  phone_verification: phoneVerification,
  password_reset_code: passwordResetCode,
  sign_in_code: signInCode,
  sign_in_code_text: signInCodeText,
  new_sign_in: newSignIn,
  password_changed: passwordChanged,
  email_changed: emailChanged,
  phone_changed: phoneChanged,
  two_step_changed: twoStepChanged,
  signed_out_all_devices: signedOutAllDevices,
  plan_changed: planChanged,
  parental_controls_changed: parentalControlsChanged,
  account_locked: accountLocked,
  account_unlocked: accountUnlocked,
  account_deleted: accountDeleted,
} satisfies Record<string, AnyTemplate>;

export type TemplateName = keyof typeof templates;

export type RenderedMessage = { channel: "email"; email: RenderedEmail } | { channel: "sms"; text: string };

export type Renderer = (message: Pick<OutboxMessageRecord, "channel" | "template" | "payload">, reader: Reader) => RenderedMessage;

/**
 * The payload with its secrets (codes, link tokens) blanked, or null when it holds none. Once
 * a message is sent or has failed for good, nothing needs to read them back.
 */
export function redactSecrets(message: Pick<OutboxMessageRecord, "template" | "payload">): Record<string, unknown> | null {
  const secrets = (templates as Record<string, AnyTemplate>)[message.template]?.secrets ?? [];
  const present = secrets.filter((field) => field in message.payload);
  if (present.length === 0) return null;
  return { ...message.payload, ...Object.fromEntries(present.map((field) => [field, "[redacted]"])) };
}

/** Whether the message is one to delete once it is done with (see EmailTemplate.eraseOnceDone). */
export function erasedOnceDone(message: Pick<OutboxMessageRecord, "template">): boolean {
  const template: AnyTemplate | undefined = (templates as Record<string, AnyTemplate>)[message.template];
  return template?.channel === "email" && template.eraseOnceDone === true;
}

export function createRenderer(brand: Brand): Renderer {
  return (message, reader) => {
    const template: AnyTemplate | undefined = (templates as Record<string, AnyTemplate>)[message.template];
    if (!template) throw new PermanentDeliveryError(`unknown template "${message.template}"`);
    if (template.channel !== message.channel)
      throw new PermanentDeliveryError(`template "${message.template}" is not sent by ${message.channel}`);
    const parsed = template.payload.safeParse(message.payload);
    if (!parsed.success) throw new PermanentDeliveryError(`payload does not fit template "${message.template}"`);
    return template.channel === "email"
      ? { channel: "email", email: renderEmail(template.render(parsed.data, brand, reader), brand, reader) }
      : { channel: "sms", text: template.render(parsed.data, brand, reader) };
  };
}
