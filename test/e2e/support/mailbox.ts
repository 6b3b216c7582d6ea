// The dev outbox (embedded mode's stand-in for SMS and email delivery), read the way a
// developer reads it: GET /dev/mailbox/messages.
import { expect, type APIRequestContext } from "@playwright/test";

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

/** The 6-digit code in the newest text message to `e164` newer than `since`. */
export async function readTextedCode(request: APIRequestContext, e164: string, since: Date): Promise<string> {
  let code: string | undefined;
  await expect
    .poll(
      async () => {
        const response = await request.get("/dev/mailbox/messages");
        expect(response.ok()).toBe(true);
        const { messages } = (await response.json()) as { messages: MailboxMessage[] };
        const newest = messages
          .filter((message) => message.channel === "sms" && message.to === e164 && new Date(message.createdAt).getTime() >= since.getTime() - 2_000)
          .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
        code = newest?.text.match(/\b(\d{6})\b/)?.[1];
        return code;
      },
      { message: `a texted code to ${e164} in the dev outbox`, timeout: 10_000 },
    )
    .toMatch(/^\d{6}$/);
  return code!;
}

/**
 * The newest email with this template to `to` (written at or after `since`, when given), as the
 * dev mailbox renders it: subject, plain text, HTML. Its page is /dev/mailbox/<id>.
 */
export async function readEmail(request: APIRequestContext, to: string, template: string, since?: Date): Promise<MailboxMessage> {
  let found: MailboxMessage | undefined;
  await expect
    .poll(
      async () => {
        const response = await request.get("/dev/mailbox/messages");
        expect(response.ok()).toBe(true);
        const { messages } = (await response.json()) as { messages: MailboxMessage[] };
        found = messages
          .filter((message) => message.channel === "email" && message.to === to.toLowerCase() && message.template === template)
          .filter((message) => !since || new Date(message.createdAt).getTime() >= since.getTime() - 2_000)
          .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
        return found?.id;
      },
      { message: `a ${template} email to ${to} in the dev mailbox`, timeout: 10_000 },
    )
    .toBeTruthy();
  return found!;
}

/** The link to `path` in an email's text (path, query and #fragment), to open on this site. */
export function linkIn(email: MailboxMessage, path: string): string {
  const url = email.text.match(new RegExp(`https?://[^\\s]+${path.replace(/\//g, "\\/")}[^\\s]*`))?.[0];
  expect(url, `a link to ${path} in "${email.subject}"`).toBeTruthy();
  const parsed = new URL(url!);
  return `${parsed.pathname}${parsed.search}${parsed.hash}`;
}
