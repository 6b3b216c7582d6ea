// A real SMTP server for tests (smtp-server on 127.0.0.1, a free port), keeping every message
// it accepts as mailparser reads it. It can require a login, refuse recipients on cue, and hold
// its answer to a message until the test lets it go.
import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface SmtpInbox {
  /** smtp://user:pass@127.0.0.1:port */
  url: string;
  messages: ParsedMail[];
  /** Answer RCPT TO for an address with this SMTP code (e.g. 550, 451) instead of accepting it. */
  refuse: Map<string, number>;
  /**
   * Holds the answer to the next message: `received` resolves once its data has arrived (the
   * sender is then waiting for the answer), and the message is accepted only on `release()`.
   */
  hold(): { received: Promise<void>; release(): void };
  /** Resolves with the first message (present or arriving within `timeoutMs`) that matches. */
  waitFor(match: (mail: ParsedMail) => boolean, timeoutMs?: number): Promise<ParsedMail>;
  close(): Promise<void>;
}

export async function startSmtpInbox(credentials = { user: "usher", pass: "smtp-test-password" }): Promise<SmtpInbox> {
  const messages: ParsedMail[] = [];
  const refuse = new Map<string, number>();
  const waiters = new Set<() => void>();
  let held: { arrived(): void; released: Promise<void> } | undefined;
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === credentials.user && auth.password === credentials.pass) return callback(null, { user: auth.username });
      callback(new Error("Invalid username or password"));
    },
    onRcptTo(address, _session, callback) {
      const code = refuse.get(address.address);
      if (code === undefined) return callback();
      const error = Object.assign(new Error(`refused ${address.address}`), { responseCode: code });
      callback(error);
    },
    onData(stream, _session, callback) {
      const holding = held;
      held = undefined;
      simpleParser(stream)
        .then(async (mail) => {
          if (holding) {
            holding.arrived();
            await holding.released;
          }
          messages.push(mail);
          for (const wake of waiters) wake();
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://${credentials.user}:${credentials.pass}@127.0.0.1:${port}`,
    messages,
    refuse,
    hold() {
      let arrived!: () => void;
      let release!: () => void;
      const received = new Promise<void>((resolve) => (arrived = resolve));
      held = { arrived, released: new Promise<void>((resolve) => (release = resolve)) };
      return { received, release };
    },
    waitFor(match, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.find(match);
          if (!found) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching email within ${timeoutMs} ms (${messages.length} received)`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
