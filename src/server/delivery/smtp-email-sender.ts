// Email over SMTP (SMTP_URL, e.g. smtps://user:pass@mail.example.com) with nodemailer: one
// connection per message, bounded timeouts (well inside the dispatcher's lease), and a 5xx
// answer (the server refuses the message for good) reported as permanent.
import nodemailer from "nodemailer";
import { PermanentDeliveryError, type EmailSender } from "../../core/delivery/senders";

export interface SmtpOptions {
  url: string;
  /** The From header, e.g. "Usher <no-reply@usher.example>". */
  from: string;
  timeoutMs?: number;
}

export function createSmtpEmailSender(options: SmtpOptions): EmailSender & { close(): void } {
  const timeout = options.timeoutMs ?? 30_000;
  const transport = nodemailer.createTransport({
    url: options.url,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  return {
    async send(email) {
      try {
        await transport.sendMail({ from: options.from, to: email.to, subject: email.subject, text: email.text, html: email.html });
      } catch (error) {
        const code = (error as { responseCode?: unknown }).responseCode;
        if (typeof code === "number" && code >= 500 && code < 600) {
          throw new PermanentDeliveryError(`SMTP ${code}: ${(error as Error).message}`);
        }
        throw error;
      }
    },
    close: () => transport.close(),
  };
}
