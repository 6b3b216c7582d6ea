// What the dispatcher hands to the outside world: a rendered email or text message, and the
// one-method ports that deliver them (SMTP, an SMS provider, or the dev outbox). A sender
// resolves when the provider has accepted the message and throws when it has not.
export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Which template it is (e.g. "new_sign_in"): sent as X-Usher-Template for mail logs and filters. */
  template: string;
}

export interface SmsMessage {
  /** E.164, e.g. +14155550100. */
  to: string;
  text: string;
}

export interface EmailSender {
  send(email: EmailMessage): Promise<void>;
}

export interface SmsSender {
  send(sms: SmsMessage): Promise<void>;
}

export interface Senders {
  email: EmailSender;
  sms: SmsSender;
}

/**
 * A failure the provider says will never succeed (a rejected recipient, a template that does
 * not exist): the message is marked failed at once instead of being retried.
 */
export class PermanentDeliveryError extends Error {
  override name = "PermanentDeliveryError";
}
