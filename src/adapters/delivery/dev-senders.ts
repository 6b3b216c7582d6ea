// Embedded mode's stand-in for an email and SMS provider: every message is printed to the log
// as the person would have read it, and stays readable in the outbox (GET /dev/mailbox).
// Production mode refuses it (codes would land in the log) — see src/server/delivery/delivery-config.ts.
import type { EmailSender, SmsSender } from "../../core/delivery/senders";

export function createDevEmailSender(print: (line: string) => void): EmailSender {
  return {
    async send(email) {
      print(`EMAIL to ${email.to}: ${email.subject}\n\n${email.text}`);
    },
  };
}

export function createDevSmsSender(print: (line: string) => void): SmsSender {
  return {
    async send(sms) {
      print(`SMS to ${sms.to}: ${sms.text}`);
    },
  };
}
