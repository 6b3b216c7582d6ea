// A node's close as a shutdown runs it: readiness fails from the first step, and the outbox
// finishes the send it has claimed before the node lets go of its database, however long the
// mail server takes to answer. (The signals, the pre-stop delay and the exit are tested with a
// real `npm start` in test/production-install.test.ts.)
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { cheapArgon2, STRONG_PASSWORD, uniqueEmail } from "../../test/helper";
import { createTestDatabase, routeTestDatabase, type TestDatabase } from "../../test/support/databases";
import { type SmtpInbox, startSmtpInbox } from "../../test/support/smtp-inbox";
import { readConfig, type ServerConfig } from "./config";
import { type RunningServer, startServer } from "./main";

const dataDir = mkdtempSync(join(tmpdir(), "usher-shutdown-"));
let postgres: TestDatabase | undefined;
let inbox: SmtpInbox;
let server: RunningServer | undefined;

beforeAll(async () => {
  inbox = await startSmtpInbox();
  const config = readConfig({ DATA_DIR: dataDir, PORT: "0", PUBLIC_URL: "http://localhost:3000", SMTP_URL: inbox.url });
  if (routeTestDatabase === "postgres") postgres = await createTestDatabase("postgres");
  const database: ServerConfig["database"] = postgres
    ? { kind: "postgres", url: postgres.url!, poolSize: 5 }
    : { kind: "pglite", loadDataDir: new Blob([readFileSync(inject("pgliteTemplate"))]) };
  server = await startServer({ ...config, argon2: cheapArgon2, database }, { logger: false });
});

afterAll(async () => {
  await server?.close().catch(() => {});
  await inbox?.close();
  await postgres?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("closing a node", () => {
  it("fails readiness first, then waits for the outbox's claimed send to be answered before it closes", async () => {
    const running = server!;
    const ready = await fetch(`${running.url}/readyz`);
    expect(ready.status).toBe(200);

    const held = inbox.hold();
    const email = uniqueEmail("shutdown");
    const signedUp = await fetch(`${running.url}/api/v1/auth/sign-up`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: "http://localhost:3000" },
      body: JSON.stringify({ email, password: STRONG_PASSWORD }),
    });
    expect(signedUp.status).toBe(201);
    // The verification email is claimed and on the wire; the mail server has not answered.
    await held.received;

    running.beginShutdown();
    const notReady = await fetch(`${running.url}/readyz`);
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toMatchObject({ status: "shutting_down", database: "ok" });

    let closed = false;
    const closing = running.close().then((work) => {
      closed = true;
      return work;
    });
    // Closing stops the listener at once, but waits for the send.
    await waitUntil(() => !running.app.server.listening);
    expect(closed).toBe(false);
    held.release();
    expect(await closing).toEqual({ eventStreams: 0, verifierSubscriptions: 0 });
    server = undefined;
    expect(inbox.messages.map((mail) => mail.to)).toEqual([expect.objectContaining({ text: email })]);
    if (postgres) {
      // Recorded as sent before the database closed: no other node will send it again.
      const client = new pg.Client({ connectionString: postgres.url });
      await client.connect();
      const { rows } = await client.query("select sent_at from outbox where channel = 'email'");
      await client.end();
      expect(rows).toEqual([{ sent_at: expect.any(Date) }]);
    }
  });
});

/** Polls a condition the code under test changes without telling anyone (the listener closing). */
async function waitUntil(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`not so within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
