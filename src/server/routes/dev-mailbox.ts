// Embedded mode only: every email and text message in the outbox, rendered as its recipient
// reads it, as JSON, so a developer (and the browser tests) can read a texted code or follow
// an emailed link. Production mode never registers this route.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { MessageChannel, OutboxMessageRecord } from "../../core/delivery/ports";
import { readerOf } from "../../core/delivery/reader-of";
import type { Renderer } from "../../core/delivery/templates/render";
import type { CoreDeps } from "../../core/deps";

const mailboxResponse = z.object({
  messages: z.array(
    z.object({
      id: z.string(),
      channel: z.enum(["email", "sms"]),
      to: z.string(),
      template: z.string(),
      /** The email's subject; null for a text message. */
      subject: z.string().nullable(),
      /** The text message, or the email's plain-text body. */
      text: z.string(),
      html: z.string().nullable(),
      status: z.enum(["pending", "sent", "failed"]),
      createdAt: z.string(),
    }),
  ),
});

export const devMailboxRoutes: FastifyPluginAsyncZod<{ core: CoreDeps; render: Renderer }> = async (app, { core, render }) => {
  app.get("/dev/mailbox/messages", { schema: { response: { 200: mailboxResponse } } }, async () => {
    const messages = await core.stores.outbox.listRecent(100);
    return { messages: await Promise.all(messages.map((message) => toMailboxMessage(core, message, render))) };
  });
};

export async function toMailboxMessage(core: CoreDeps, message: OutboxMessageRecord & { channel: MessageChannel }, render: Renderer) {
  const status = message.sentAt ? "sent" : message.failedAt ? "failed" : "pending";
  const base = {
    id: message.id,
    channel: message.channel,
    to: message.recipient,
    template: message.template,
    status,
    createdAt: message.createdAt.toISOString(),
  } as const;
  const reader = await readerOf(core.stores.accounts, message);
  try {
    const rendered = render(message, reader);
    return rendered.channel === "email"
      ? { ...base, subject: rendered.email.subject, text: rendered.email.text, html: rendered.email.html }
      : { ...base, subject: null, text: rendered.text, html: null };
  } catch {
    return { ...base, subject: null, text: `(cannot be rendered: ${message.template})`, html: null };
  }
}
