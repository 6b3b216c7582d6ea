// Where the browser tests read what Usher sent: email from the tests' real SMTP server
// (scripts/e2e-smtp-inbox.mjs, its HTTP view), text messages from the dev outbox
// (GET /dev/mailbox/messages), since no SMS carrier can be reached from here.
import { type APIRequestContext, expect, type Page } from "@playwright/test";
import { inboxURL } from "./servers";

export interface MailboxMessage {
  id: string;
  channel: "email" | "sms";
  to: string;
  template: string;
  subject: string | null;
  text: string;
  html: string | null;
  createdAt: string;
}

/**
 * The 6-digit code in the newest text message to `e164` newer than `since`; only of that
 * template when one is named (a number just verified has its own code, sent moments before).
 */
export async function readTextedCode(request: APIRequestContext, e164: string, since: Date, template?: string): Promise<string> {
  let code: string | undefined;
  await expect
    .poll(
      async () => {
        const response = await request.get("/dev/mailbox/messages");
        expect(response.ok()).toBe(true);
        const { messages } = (await response.json()) as { messages: MailboxMessage[] };
        const newest = messages
          .filter(
            (message) =>
              message.channel === "sms" && message.to === e164 && new Date(message.createdAt).getTime() >= since.getTime() - 2_000,
          )
          .filter((message) => !template || message.template === template)
          .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
        code = newest?.text.match(/\b(\d{6})\b/)?.[1];
        return code;
      },
      { message: `a texted code to ${e164} in the dev outbox`, timeout: 10_000 },
    )
    .toMatch(/^\d{6}$/);
  return code!;
}

/** An email as the SMTP server received it; `template` is its X-Usher-Template header. */
export interface ReceivedEmail {
  id: string;
  to: string;
  template: string;
  subject: string;
  text: string;
  html: string;
  receivedAt: string;
}

/** The newest email with this template to `to` that arrived at or after `since`, when given. */
export async function readEmail(request: APIRequestContext, to: string, template: string, since?: Date): Promise<ReceivedEmail> {
  let found: ReceivedEmail | undefined;
  await expect
    .poll(
      async () => {
        const response = await request.get(`${inboxURL}/messages`);
        expect(response.ok()).toBe(true);
        const { messages } = (await response.json()) as { messages: ReceivedEmail[] };
        found = messages
          .filter((message) => message.to === to.toLowerCase() && message.template === template)
          .filter((message) => !since || new Date(message.receivedAt).getTime() >= since.getTime() - 2_000)
          .sort((a, b) => b.receivedAt.localeCompare(a.receivedAt))[0];
        return found?.id;
      },
      { message: `a ${template} email to ${to} at the SMTP server`, timeout: 15_000 },
    )
    .toBeTruthy();
  return found!;
}

/**
 * Shows the email's HTML in `page`, as a mail client would: on a blank page of its own (not
 * under the app's CSP, which forbids the inline styles every email needs); its links lead to
 * the app.
 */
export async function openEmail(page: Page, email: ReceivedEmail): Promise<void> {
  await page.goto("about:blank");
  await page.setContent(email.html);
}

export function linkIn(email: ReceivedEmail, path: string): string {
  const url = email.text.match(new RegExp(`https?://[^\\s]+${path.replace(/\//g, "\\/")}[^\\s]*`))?.[0];
  expect(url, `a link to ${path} in "${email.subject}"`).toBeTruthy();
  const parsed = new URL(url!);
  return `${parsed.pathname}${parsed.search}${parsed.hash}`;
}
