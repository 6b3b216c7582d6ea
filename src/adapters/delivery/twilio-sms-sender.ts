// Text messages through Twilio's REST API, or any provider that speaks it: a form POST to
// {base}/2010-04-01/Accounts/{sid}/Messages.json with HTTP basic auth (sid:token). The base
// URL is configurable (TWILIO_BASE_URL) for compatible providers and for tests.
import type { SmsSender } from "../../core/delivery/senders";
import { judgeAnswer } from "./http-answer";

export interface TwilioOptions {
  baseUrl: string;
  accountSid: string;
  authToken: string;
  /** A sender number (+1…) or a messaging service (MG…). */
  from: string;
  timeoutMs?: number;
}

export function createTwilioSmsSender(options: TwilioOptions): SmsSender {
  const url = `${options.baseUrl.replace(/\/+$/, "")}/2010-04-01/Accounts/${encodeURIComponent(options.accountSid)}/Messages.json`;
  const authorization = `Basic ${Buffer.from(`${options.accountSid}:${options.authToken}`).toString("base64")}`;
  return {
    async send(sms) {
      const form = new URLSearchParams({ To: sms.to, Body: sms.text });
      form.set(options.from.startsWith("MG") ? "MessagingServiceSid" : "From", options.from);
      const response = await fetch(url, {
        method: "POST",
        headers: { authorization, "content-type": "application/x-www-form-urlencoded" },
        body: form.toString(),
        signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
      });
      await judgeAnswer("Twilio", response);
    },
  };
}
