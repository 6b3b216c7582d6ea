// Text messages through a generic HTTPS webhook (SMS_WEBHOOK_URL): a JSON POST of
// {to, text}, signed so the receiver can tell it came from Usher and is fresh:
//   X-Usher-Signature: t=<unix seconds>,v1=<hex HMAC-SHA-256 of "<t>.<body>" under SMS_WEBHOOK_SECRET>
import { createHmac } from "node:crypto";
import type { Clock } from "../../core/clock";
import type { SmsSender } from "../../core/delivery/senders";
import { judgeAnswer } from "./http-answer";

export interface WebhookSmsOptions {
  url: string;
  secret: string;
  clock: Clock;
  timeoutMs?: number;
}

export const SIGNATURE_HEADER = "x-usher-signature";

export function signWebhookBody(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

export function createWebhookSmsSender(options: WebhookSmsOptions): SmsSender {
  return {
    async send(sms) {
      const body = JSON.stringify({ to: sms.to, text: sms.text });
      const timestamp = Math.floor(options.clock.now().getTime() / 1000);
      const response = await fetch(options.url, {
        method: "POST",
        headers: { "content-type": "application/json", [SIGNATURE_HEADER]: signWebhookBody(options.secret, timestamp, body) },
        body,
        signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
      });
      await judgeAnswer("SMS webhook", response);
    },
  };
}
