// Embedded mode only: the messages the dev outbox "delivered", as JSON, so a developer (and
// the browser tests) can read a texted code. Production mode never registers this route.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { CoreDeps } from "../../core/deps";
import { describeDevMessage } from "../dev-outbox";

const mailboxResponse = z.object({
  messages: z.array(
    z.object({
      id: z.string(),
      channel: z.enum(["email", "sms"]),
      to: z.string(),
      text: z.string(),
      createdAt: z.string(),
    }),
  ),
});

export const devMailboxRoutes: FastifyPluginAsyncZod<{ core: CoreDeps }> = async (app, { core }) => {
  app.get("/dev/mailbox/messages", { schema: { response: { 200: mailboxResponse } } }, async () => {
    const messages = await core.stores.outbox.listRecent(100);
    return {
      messages: messages.map((message) => ({
        id: message.id,
        channel: message.channel,
        to: message.recipient,
        text: describeDevMessage(message),
        createdAt: message.createdAt.toISOString(),
      })),
    };
  });
};
