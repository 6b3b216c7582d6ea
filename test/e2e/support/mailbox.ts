// The dev outbox (embedded mode's stand-in for SMS and email delivery), read the way a
// developer reads it: GET /dev/mailbox/messages.
import { expect, type APIRequestContext } from "@playwright/test";

interface MailboxMessage {
  id: string;
  channel: "email" | "sms";
  to: string;
  text: string;
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
