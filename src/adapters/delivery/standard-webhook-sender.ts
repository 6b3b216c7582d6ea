// Posts webhook messages signed by the Standard Webhooks scheme (the `standardwebhooks`
// package): webhook-id, webhook-timestamp and webhook-signature headers over the exact body,
// so any receiver with a Standard Webhooks library verifies them without Usher-specific code.
// Any answer but 2xx is a failed try, retried by the outbox; redirects are not followed.
import { Webhook } from "standardwebhooks";
import type { WebhookSender } from "../../core/webhooks/deliver-webhook";

export function createStandardWebhookSender(options: { timeoutMs: number }): WebhookSender {
  return {
    async send({ url, secret, id, timestamp, body }) {
      const signature = new Webhook(secret).sign(id, timestamp, body);
      const response = await fetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "webhook-id": id,
          "webhook-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
          "webhook-signature": signature,
        },
        body,
        redirect: "manual",
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      // The receiver's words are not kept: only its status says what went wrong.
      await response.body?.cancel();
      if (response.status < 200 || response.status >= 300) throw new Error(`the receiver answered ${response.status}`);
    },
  };
}
