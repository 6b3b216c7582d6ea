// Where a benchmarked node delivers its email and text messages: a real SMTP server and an
// SMS webhook peer, in a process of their own, that accept every message and keep none. The
// node then does its real delivery work (a sign-in from a new device sends a notice) without
// retrying against a closed port.
import { createServer } from "node:http";
import { SMTPServer } from "smtp-server";

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, _session, callback) {
    stream.on("data", () => {});
    stream.on("end", () => callback());
  },
});
const sms = createServer((request, response) => {
  request.resume();
  request.on("end", () => response.writeHead(200, { "content-type": "application/json" }).end("{}"));
});

smtp.listen(Number(process.env.SMTP_PORT), "127.0.0.1", () => {
  sms.listen(Number(process.env.SMS_PORT), "127.0.0.1", () => console.log("delivery sink ready"));
});
