// Embedded mode only: the dev mailbox as pages a developer opens in the browser. /dev/mailbox
// lists every email and text message, newest first (a text message's words in full, so a code
// can be read off); /dev/mailbox/:id shows an email as its reader would see it. Emails are
// styled inline, so these pages carry their own CSP (inline styles, nothing else), not the app's.
import type { FastifyPluginAsync, FastifyReply } from "fastify";
import { escapeHtml } from "../../core/delivery/templates/layout";
import type { Renderer } from "../../core/delivery/templates/render";
import type { CoreDeps } from "../../core/deps";
import { toMailboxMessage } from "./dev-mailbox";

const PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

function sendPage(reply: FastifyReply, html: string) {
  return reply.header("content-security-policy", PAGE_CSP).type("text/html; charset=utf-8").send(html);
}

export const devMailboxPages: FastifyPluginAsync<{ core: CoreDeps; render: Renderer }> = async (app, { core, render }) => {
  app.get("/dev/mailbox", async (_request, reply) => {
    const messages = await Promise.all((await core.stores.outbox.listRecent(100)).map((m) => toMailboxMessage(core, m, render)));
    const rows = messages
      .map((m) => {
        const what =
          m.channel === "email"
            ? `<a href="/dev/mailbox/${escapeHtml(m.id)}">${escapeHtml(m.subject ?? m.template)}</a>`
            : `<span>${escapeHtml(m.text)}</span>`;
        return `<tr><td>${escapeHtml(m.createdAt.replace("T", " ").slice(0, 19))}</td><td>${m.channel === "email" ? "Email" : "SMS"}</td><td>${escapeHtml(m.to)}</td><td>${what}</td><td>${m.status}</td></tr>`;
      })
      .join("\n");
    return sendPage(
      reply,
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Dev mailbox · Usher</title>
<style>body{font-family:Helvetica,Arial,sans-serif;margin:24px;color:#0f1522}h1{color:#0f1522}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:8px;text-align:left;vertical-align:top}a{color:#7a4f00}</style></head>
<body><h1>Dev mailbox</h1><p>Every email and text message Usher wrote (embedded mode only), newest first.</p>
<table><thead><tr><th>Written (UTC)</th><th>Channel</th><th>To</th><th>Message</th><th>Status</th></tr></thead><tbody>
${rows || '<tr><td colspan="5">No messages yet.</td></tr>'}
</tbody></table></body></html>`,
    );
  });

  app.get<{ Params: { id: string } }>("/dev/mailbox/:id", async (request, reply) => {
    const message = (await core.stores.outbox.listRecent(100)).find((m) => m.id === request.params.id);
    const shown = message && (await toMailboxMessage(core, message, render));
    if (!shown?.html) return reply.code(404).type("text/plain").send("No such email in the dev mailbox.");
    return sendPage(reply, shown.html);
  });
};
