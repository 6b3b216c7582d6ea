// Email over SMTP (SMTP_URL, e.g. smtps://user:pass@mail.example.com) with nodemailer: a few
// pooled connections, each kept for many messages (a new one per message cost a TCP and TLS
// handshake and a login, and about a millisecond of the node's CPU, for every sign-in notice),
// bounded timeouts (well inside the dispatcher's lease; an idle connection closes after one),
// and a 5xx refusal of the recipient or the message reported as permanent. Each message is
// composed whole before it is sent: nodemailer then writes it to the socket in a few large
// writes, not one per MIME part (on a loopback socket a write costs tens of microseconds).
import nodemailer from "nodemailer";
import MailComposer from "nodemailer/lib/mail-composer";
import { type EmailSender, PermanentDeliveryError } from "../../core/delivery/senders";

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
    pool: true,
    maxConnections: 2,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  return {
    async send(email) {
      try {
        const raw = await new MailComposer({
          from: options.from,
          to: email.to,
          subject: email.subject,
          text: email.text,
          html: email.html,
          headers: { "X-Usher-Template": email.template },
        })
          .compile()
          .build();
        await transport.sendMail({ envelope: { from: options.from, to: email.to }, raw });
      } catch (error) {
        // Only a 5xx about this message (its recipient or content) is final; a refused login
        // or a broken connection is the operator's to fix, and the message waits for it.
        const { responseCode, code } = error as { responseCode?: unknown; code?: unknown };
        if (typeof responseCode === "number" && responseCode >= 500 && (code === "EENVELOPE" || code === "EMESSAGE")) {
          throw new PermanentDeliveryError(`SMTP ${responseCode}: ${(error as Error).message}`);
        }
        throw error;
      }
    },
    close: () => transport.close(),
  };
}
