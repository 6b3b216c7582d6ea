// Captures everything the app logs, and every secret a test handles, so that a test file
// can prove at its end that no password, token, code or hash ever reached the log.
import { Writable } from "node:stream";

export class LogCapture {
  readonly lines: string[] = [];
  readonly secrets = new Set<string>();
  /** One-time codes and PINs are short digits, matched only as whole words (never inside an id). */
  readonly codes = new Set<string>();

  readonly stream = new Writable({
    write: (chunk: Buffer, _encoding, done) => {
      this.lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
      done();
    },
  });

  /** Remembers the secret-looking fields of a request body (passwords, codes). */
  rememberRequestBody(body: unknown): void {
    if (!body || typeof body !== "object") return;
    for (const [key, value] of Object.entries(body)) {
      if (typeof value !== "string") continue;
      if (/password/i.test(key) && value.length >= 4) this.secrets.add(value);
      if (/code/i.test(key) && /^\d{6}$/.test(value.trim())) this.codes.add(value.trim());
    }
  }

  remember(secret: string | undefined | null): void {
    if (secret && secret.length >= 8) {
      this.secrets.add(secret);
      // A token is "<id>.<secret>": the secret half alone is a secret too.
      const dot = secret.indexOf(".");
      if (dot > 0 && secret.length - dot > 16) this.secrets.add(secret.slice(dot + 1));
    }
  }

  /** Every line that contains something it never should. */
  leaks(): { secret: string; line: string }[] {
    const found: { secret: string; line: string }[] = [];
    for (const line of this.lines) {
      for (const secret of this.secrets) if (line.includes(secret)) found.push({ secret: mask(secret), line });
      for (const code of this.codes) {
        // Not inside a longer word: a request id's UUID has groups like "-4821-" by chance.
        if (new RegExp(`(?<![\\w-])${code}(?![\\w-])`).test(line)) found.push({ secret: mask(code), line });
      }
    }
    return found;
  }
}

const mask = (secret: string) => `${secret.slice(0, 3)}…(${secret.length} chars)`;
