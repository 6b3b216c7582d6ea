// The browser tests' mail server: a real SMTP server (smtp-server) that both e2e Usher servers
// deliver their email to (SMTP_URL), and a small HTTP view of what arrived, read by the tests
// the way a person reads their inbox. Playwright starts it (playwright.config.ts → webServer).
import { createServer } from "node:http";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

const smtpPort = Number(process.env.E2E_SMTP_PORT ?? 4190);
const httpPort = Number(process.env.E2E_INBOX_PORT ?? 4191);
const messages = [];

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, _session, callback) {
    simpleParser(stream)
      .then((mail) => {
        messages.push({
          id: String(messages.length + 1),
          to: (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0]?.address ?? "",
          template: String(mail.headers.get("x-usher-template") ?? ""),
          subject: mail.subject ?? "",
          text: mail.text ?? "",
          html: typeof mail.html === "string" ? mail.html : "",
          receivedAt: new Date().toISOString(),
        });
        callback();
      })
      .catch(callback);
  },
});

const inbox = createServer((request, response) => {
  if (request.method === "GET" && request.url === "/messages") {
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ messages }));
  } else response.writeHead(404).end();
});

smtp.listen(smtpPort, "127.0.0.1", () => inbox.listen(httpPort, "127.0.0.1"));
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => smtp.close(() => inbox.close(() => process.exit(0))));
