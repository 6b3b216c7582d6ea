// The dev mailbox shows every reset link: served to anyone, it hands out every account
// (ask a reset for the owner's email, read the link, set a password). It exists only in
// embedded mode on a loopback address, and answers only sockets on this machine.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readConfig } from "../../src/server/config";
import { devMailboxServed, startServer } from "../../src/server/main";
import { buildTestApp, cheapArgon2, type TestApp, uniqueEmail } from "../helper";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ devMailbox: true });
});
afterAll(async () => t?.close());

const MAILBOX_ADDRESSES = ["/dev/mailbox/messages", "/dev/mailbox"];

describe("the dev mailbox, served", () => {
  it("does not show a stranger the reset link they asked for the owner", async () => {
    const email = uniqueEmail("mailbox.owner");
    expect((await t.browser().signUp(email)).statusCode).toBe(201);
    const stranger = t.browser({ ip: "198.51.100.7" });
    expect((await stranger.post("/api/v1/auth/password-reset", { email, method: "email" })).statusCode).toBe(202);
    await t.delivered();

    for (const url of MAILBOX_ADDRESSES) {
      const answer = await stranger.get(url);
      expect(answer.statusCode).toBe(404);
      expect(answer.body).not.toContain("reset-password");
    }
    const [message] = (await t.app.inject({ method: "GET", url: "/dev/mailbox/messages" })).json().messages as { id: string }[];
    expect((await stranger.get(`/dev/mailbox/${message!.id}`)).statusCode).toBe(404);
  });

  it("judges the socket, not X-Forwarded-For, and refuses what a proxy on this machine forwards", async () => {
    const outside = t.browser({ ip: "198.51.100.8", headers: { "x-forwarded-for": "127.0.0.1" } });
    expect((await outside.get("/dev/mailbox/messages")).statusCode).toBe(404);
    const proxied = t.browser({ ip: "127.0.0.1", headers: { "x-forwarded-for": "198.51.100.9" } });
    expect((await proxied.get("/dev/mailbox/messages")).statusCode).toBe(404);
  });

  it("answers a developer on this machine, over IPv4 or IPv6", async () => {
    for (const ip of ["127.0.0.1", "::1", "::ffff:127.0.0.1"]) {
      const answer = await t.browser({ ip }).get("/dev/mailbox/messages");
      expect(answer.statusCode).toBe(200);
      expect(answer.body).toContain("reset-password#token=");
      t.logs.remember(/reset-password#token=([^\s"\\]+)/.exec(answer.body)?.[1]);
    }
  });
});

describe("where the dev mailbox exists", () => {
  it("only in embedded mode bound to a loopback address", () => {
    expect(devMailboxServed({ mode: "embedded", host: "127.0.0.1" })).toBe(true);
    expect(devMailboxServed({ mode: "embedded", host: "localhost" })).toBe(true);
    expect(devMailboxServed({ mode: "embedded", host: "::1" })).toBe(true);
    expect(devMailboxServed({ mode: "embedded", host: "0.0.0.0" })).toBe(false);
    expect(devMailboxServed({ mode: "embedded", host: "::" })).toBe(false);
    expect(devMailboxServed({ mode: "embedded", host: "192.168.1.20" })).toBe(false);
    expect(devMailboxServed({ mode: "production", host: "127.0.0.1" })).toBe(false);
  });

  it("is absent from an embedded server listening on every interface, even to this machine", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "usher-mailbox-"));
    const config = readConfig({ DATA_DIR: dataDir, HOST: "0.0.0.0", PORT: "0", PUBLIC_URL: "http://localhost:3000" });
    const server = await startServer({ ...config, argon2: cheapArgon2 }, { logger: false });
    try {
      for (const url of MAILBOX_ADDRESSES) expect((await fetch(`${server.url}${url}`)).status).toBe(404);
    } finally {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
