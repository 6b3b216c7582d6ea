// Builds the senders this node's dispatcher uses from its delivery configuration.

import { createDevEmailSender, createDevSmsSender } from "../../adapters/delivery/dev-senders";
import { createSmtpEmailSender } from "../../adapters/delivery/smtp-email-sender";
import { createTwilioSmsSender } from "../../adapters/delivery/twilio-sms-sender";
import { createWebhookSmsSender } from "../../adapters/delivery/webhook-sms-sender";
import type { Clock } from "../../core/clock";
import type { Senders } from "../../core/delivery/senders";
import type { DeliveryConfig } from "./delivery-config";

export function createSenders(config: DeliveryConfig, clock: Clock, printDev: (line: string) => void): Senders & { close(): void } {
  const smtp = config.email.kind === "smtp" ? createSmtpEmailSender(config.email) : null;
  const email = smtp ?? createDevEmailSender(printDev);
  const sms =
    config.sms.kind === "webhook"
      ? createWebhookSmsSender({ ...config.sms, clock })
      : config.sms.kind === "twilio"
        ? createTwilioSmsSender(config.sms)
        : createDevSmsSender(printDev);
  return { email, sms, close: () => smtp?.close() };
}
