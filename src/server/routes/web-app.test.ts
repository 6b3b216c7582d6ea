import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../test/helper";

const webRoot = mkdtempSync(join(tmpdir(), "usher-web-"));
let t: TestApp;

beforeAll(async () => {
  mkdirSync(join(webRoot, "assets"));
  writeFileSync(join(webRoot, "index.html"), '<!doctype html><script type="module" src="/assets/app-1a2b.js"></script>');
  writeFileSync(join(webRoot, "assets/app-1a2b.js"), "console.log('usher')");
  // What the build leaves beside each file (vite.config.ts's compression plugin).
  for (const file of ["index.html", "assets/app-1a2b.js"]) {
    const original = readFileSync(join(webRoot, file));
    writeFileSync(join(webRoot, `${file}.br`), brotliCompressSync(original));
    writeFileSync(join(webRoot, `${file}.gz`), gzipSync(original));
  }
  t = await buildTestApp({ webRoot });
});

afterAll(async () => {
  await t?.close();
  rmSync(webRoot, { recursive: true, force: true });
});

const asPage = { accept: "text/html,application/xhtml+xml" };

describe("the web app", () => {
  it.each(["/", "/account", "/profiles/manage", "/no-such-page"])("answers the page address %s with index.html", async (url) => {
    const response = await t.app.inject({ method: "GET", url, headers: asPage });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("text/html");
    expect(response.body).toContain('src="/assets/app-1a2b.js"');
    expect(response.headers["cache-control"]).toBe("no-cache");
    expect(response.headers["content-security-policy"]).toContain("script-src 'self'");
  });

  it("serves hashed assets with a year-long immutable cache", async () => {
    const response = await t.app.inject({ method: "GET", url: "/assets/app-1a2b.js" });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe("console.log('usher')");
    expect(response.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
  });

  it.each([
    ["br", brotliDecompressSync],
    ["gzip", gunzipSync],
  ] as const)("sends the build's %s copy of an asset and of index.html to a browser that accepts it", async (encoding, decompress) => {
    for (const url of ["/assets/app-1a2b.js", "/account"]) {
      const response = await t.app.inject({ method: "GET", url, headers: { ...asPage, "accept-encoding": encoding } });
      expect(response.statusCode).toBe(200);
      expect(response.headers["content-encoding"]).toBe(encoding);
      expect(decompress(response.rawPayload).toString()).toContain(url === "/account" ? "app-1a2b.js" : "console.log");
    }
  });

  it.each([
    ["an unknown API address, even when HTML is accepted", "/api/v1/nothing", asPage],
    ["a missing asset", "/assets/missing.js", asPage],
    ["a client that does not ask for HTML", "/account", { accept: "application/json" }],
  ])("keeps the JSON 404 for %s", async (_label, url, headers) => {
    const response = await t.app.inject({ method: "GET", url, headers });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: { code: "NOT_FOUND" } });
  });

  it("does not serve the page fallback to unsafe methods", async () => {
    const response = await t.app.inject({ method: "POST", url: "/account", headers: { ...asPage, origin: "http://localhost:3000" } });
    expect(response.statusCode).toBe(404);
  });
});

describe("another name of this server", () => {
  const at127 = { ...asPage, host: "127.0.0.1:3000" };

  it.each([
    ["/", "http://localhost:3000/"],
    ["/sign-up?plan=premium", "http://localhost:3000/sign-up?plan=premium"],
    ["/no-such-page", "http://localhost:3000/no-such-page"],
  ])("sends the page %s to PUBLIC_URL, where its forms and passkeys work", async (url, location) => {
    const response = await t.app.inject({ method: "GET", url, headers: at127 });
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe(location);
  });

  it("leaves the API, assets, health checks and non-page requests where they are", async () => {
    const answers = await Promise.all(
      [
        ["/api/v1/me", at127],
        ["/assets/app-1a2b.js", at127],
        ["/healthz", at127],
        ["/account", { accept: "application/json", host: "127.0.0.1:3000" }],
      ].map(([url, headers]) => t.app.inject({ method: "GET", url: url as string, headers: headers as Record<string, string> })),
    );
    expect(answers.map((answer) => answer.statusCode)).toEqual([401, 200, 200, 404]);
    expect(answers.every((answer) => answer.headers.location === undefined)).toBe(true);
  });
});

describe("the dev mailbox", () => {
  it("does not exist unless embedded mode asks for it", async () => {
    const response = await t.app.inject({ method: "GET", url: "/dev/mailbox/messages" });
    expect(response.statusCode).toBe(404);
    expect((await t.app.inject({ method: "GET", url: "/dev/mailbox" })).statusCode).toBe(404);
  });

  it("lists the texted code and the emails in embedded mode", async () => {
    const dev = await buildTestApp({ devMailbox: true });
    try {
      const phone = dev.browser();
      await phone.signUp("mailbox.reader@example.com");
      const set = await phone.put("/api/v1/account/phone", {
        phone: "+12025550143",
        currentPassword: "violet-kettle-harbour-42",
        smsOptIn: true,
      });
      expect(set.statusCode).toBe(200);
      const mailbox = await dev.app.inject({ method: "GET", url: "/dev/mailbox/messages" });
      const messages = mailbox.json().messages as {
        id: string;
        channel: string;
        to: string;
        text: string;
        subject: string | null;
        html: string | null;
      }[];
      const message = messages.find((m) => m.channel === "sms")!;
      expect(message).toMatchObject({ channel: "sms", to: "+12025550143", subject: null, html: null });
      // The sign-up's verification email, rendered as its reader sees it.
      // (The phone change's notice has the same timestamp: find the email by what it is.)
      const email = messages.find((m) => m.channel === "email" && m.subject === "Verify your email address")!;
      expect(email).toMatchObject({
        to: "mailbox.reader@example.com",
        subject: "Verify your email address",
        template: "email_verification",
      });
      expect(email.text).toContain("http://localhost:3000/verify-email#token=");
      expect(email.html).toContain(">Usher</span>");
      // The pages: the list shows the texted code; an email opens as its reader sees it.
      const page = await dev.app.inject({ method: "GET", url: "/dev/mailbox" });
      expect(page.statusCode).toBe(200);
      expect(page.headers["content-type"]).toContain("text/html");
      expect(page.body).toContain(message.text);
      expect(page.body).toContain(`href="/dev/mailbox/${email.id}"`);
      const opened = await dev.app.inject({ method: "GET", url: `/dev/mailbox/${email.id}` });
      expect(opened.body).toBe(email.html);
      expect(opened.headers["content-security-policy"]).toContain("style-src 'unsafe-inline'");
      expect((await dev.app.inject({ method: "GET", url: "/dev/mailbox/nope" })).statusCode).toBe(404);
      expect(message.text).toMatch(/Your Usher verification code is \d{6}\./);
      dev.logs.codes.add(/(\d{6})/.exec(message.text)![1]!);
    } finally {
      await dev.close();
    }
  });
});
