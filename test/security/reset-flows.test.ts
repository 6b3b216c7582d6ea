// Attacks on "Forgot password?": blocking the owner's reset by asking for resets of their
// address and guessing codes from many addresses, and telling whether an account exists from
// what asking does. Every request is its own flow with its own code and its own tries; asking
// answers the same 202 from the same work on the request path, known address or not.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CoreDeps } from "../../src/core/deps";
import type { Stores } from "../../src/core/ports";
import { requestPasswordReset } from "../../src/core/recovery/password-reset";
import { buildTestApp, type Device, errorCode, latestSmsCode, nextIp, STRONG_PASSWORD, type TestApp, uniqueEmail } from "../helper";

const NEW_PASSWORD = "copper-lantern-meadow-77";
let t: TestApp;
let statements: string[] = [];

beforeAll(async () => {
  t = await buildTestApp({ onStatement: (sql) => statements.push(sql) });
});
afterAll(async () => t?.close());

let numbers = 0;
async function owner() {
  const email = uniqueEmail("owner");
  const browser = t.browser({ ip: nextIp() });
  expect((await browser.signUp(email)).statusCode).toBe(201);
  const e164 = `+1202555${String(3000 + numbers++).padStart(4, "0")}`;
  expect((await browser.put("/api/v1/account/phone", { phone: e164, currentPassword: STRONG_PASSWORD, smsOptIn: true })).statusCode).toBe(
    200,
  );
  expect((await browser.post("/api/v1/account/phone/verify", { code: await latestSmsCode(t.core, e164) })).statusCode).toBe(200);
  return { email, e164, browser };
}

const ask = (device: Device, email: string, method: "email" | "sms") => device.post("/api/v1/auth/password-reset", { email, method });

/** The code texted for one flow: the newest text to the number after the flow was asked for. */
async function textedCode(e164: string, since: number): Promise<string> {
  await t.delivered();
  const text = t.sent
    .slice(since)
    .reverse()
    .find((m) => m.channel === "sms" && m.to === e164);
  const code = text?.text.match(/\b(\d{6})\b/)?.[1];
  if (!code) throw new Error(`no reset code texted to ${e164}`);
  t.logs.codes.add(code);
  return code;
}

describe("a stranger who knows the owner's email", () => {
  it("cannot end or block the owner's reset by asking for resets and guessing codes from many addresses", async () => {
    const { email, e164, browser } = await owner();
    const lost = t.browser({ ip: nextIp() });
    const sentBefore = await t.sentMark();
    const mine = await ask(lost, email, "sms");
    expect(mine.statusCode).toBe(202);
    const code = await textedCode(e164, sentBefore);

    // Five addresses each ask for a reset of the same address, then guess codes on their flows
    // and on flows they make up: every answer is the same refusal, none is a 429.
    const answers: string[] = [];
    for (let i = 0; i < 5; i++) {
      const stranger = t.browser({ ip: `198.51.100.${i + 1}` });
      const theirs = await ask(stranger, email, "sms");
      expect(theirs.statusCode).toBe(202);
      for (let guess = 0; guess < 4; guess++) {
        const flowId = guess % 2 ? theirs.json().flowId : crypto.randomUUID();
        answers.push(
          errorCode(
            await stranger.post("/api/v1/auth/password-reset/complete", {
              flowId,
              code: String(100000 + i * 10 + guess),
              newPassword: NEW_PASSWORD,
            }),
          )!,
        );
      }
    }
    expect(new Set(answers)).toEqual(new Set(["RESET_CODE_INVALID"]));

    // The owner's own request still holds its code, and it works.
    const done = await lost.post("/api/v1/auth/password-reset/complete", { flowId: mine.json().flowId, code, newPassword: NEW_PASSWORD });
    expect(done.statusCode).toBe(200);
    expect(errorCode(await browser.get("/api/v1/me"))).toBe("SESSION_REVOKED");
  });

  it("cannot stop the owner's own request from being sent, from a browser they used before or a new one", async () => {
    const { email, browser } = await owner();
    expect((await browser.post("/api/v1/auth/sign-out")).statusCode).toBe(204);
    for (let i = 0; i < 5; i++) expect((await ask(t.browser({ ip: `198.51.100.${20 + i}` }), email, "email")).statusCode).toBe(202);

    for (const device of [browser, t.browser({ ip: nextIp() })]) {
      const before = await t.sentMark();
      expect((await ask(device, email, "email")).statusCode).toBe(202);
      await t.delivered();
      expect(t.sent.slice(before).filter((m) => m.channel === "email" && m.to === email && m.template === "password_reset")).toHaveLength(
        1,
      );
    }
  });

  it("can make the owner receive only a few emails, however many addresses ask", async () => {
    const { email } = await owner();
    const before = await t.sentMark();
    for (let i = 0; i < 40; i++) expect((await ask(t.browser({ ip: `198.51.101.${i + 1}` }), email, "email")).statusCode).toBe(202);
    await t.delivered();
    const received = t.sent.slice(before).filter((m) => m.channel === "email" && m.to === email && m.template === "password_reset");
    expect(received).toHaveLength(t.core.config.limits.codeSendPerAccount.limit);
  });

  it("ends every other reset of the account once one is completed", async () => {
    const { email, e164 } = await owner();
    const before = await t.sentMark();
    const first = await ask(t.browser({ ip: nextIp() }), email, "sms");
    const firstCode = await textedCode(e164, before);
    const middle = await t.sentMark();
    const second = await ask(t.browser({ ip: nextIp() }), email, "sms");
    const secondCode = await textedCode(e164, middle);
    expect(
      (
        await t
          .browser({ ip: nextIp() })
          .post("/api/v1/auth/password-reset/complete", { flowId: second.json().flowId, code: secondCode, newPassword: NEW_PASSWORD })
      ).statusCode,
    ).toBe(200);
    const stale = await t.browser({ ip: nextIp() }).post("/api/v1/auth/password-reset/complete", {
      flowId: first.json().flowId,
      code: firstCode,
      newPassword: "another-fine-password-9",
    });
    expect(errorCode(stale)).toBe("RESET_CODE_INVALID");
  });
});

describe("asking for a reset, known address or not", () => {
  /** Every store method called, in order, and every SQL statement sent while `work` runs. */
  async function recordWork(work: (deps: CoreDeps) => Promise<unknown>) {
    const calls: string[] = [];
    const recording = (stores: Stores): Stores =>
      new Proxy(stores, {
        get(target, area: string) {
          const value = target[area as keyof Stores];
          if (area === "transaction") {
            return (inner: (s: Stores) => Promise<unknown>) => {
              calls.push("transaction");
              return target.transaction((s) => inner(recording(s)));
            };
          }
          if (typeof value !== "object" || value === null) return value;
          return new Proxy(value, {
            get(store, method: string) {
              const fn = (store as unknown as Record<string, unknown>)[method];
              if (typeof fn !== "function") return fn;
              return (...args: unknown[]) => {
                calls.push(`${area}.${method}`);
                return fn.apply(store, args);
              };
            },
          });
        },
      });
    statements = [];
    await work({ ...t.core, stores: recording(t.core.stores), outboxWritten: () => {} });
    return { calls, statements: [...statements] };
  }

  it("does the same store calls and the same statements on the request path for both", async () => {
    const { email } = await owner();
    const context = { ip: "203.0.113.50", userAgent: "Mozilla/5.0" };
    for (const method of ["email", "sms"] as const) {
      const known = await recordWork((deps) => requestPasswordReset(deps, { email, method }, context));
      const unknown = await recordWork((deps) => requestPasswordReset(deps, { email: uniqueEmail("nobody"), method }, context));
      expect(unknown.calls).toEqual(known.calls);
      expect(unknown.statements).toEqual(known.statements);
      expect(known.calls).toEqual(["transaction", "codeFlows.create", "sessionChanges.loggedInThisTransaction"]);
      // Nothing on the request path looks the address up.
      expect(known.statements.join("\n")).not.toMatch(/from "account"/);
    }
  });
});
