// A write the database refuses (here, a constraint added for the test, the way a disk or a
// migration fault would surface) is a 500 whose log line names the failure, never the query's
// parameters: the new password's hash, a reset token's digest, the email. Nothing is half-written.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, STRONG_PASSWORD, type TestApp, uniqueEmail } from "../helper";

const NEW_PASSWORD = "copper-lantern-meadow-77";
let t: TestApp;

beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t?.close());

/** Every account write fails while `run` runs; existing rows are not checked (NOT VALID). */
async function withAccountWritesFailing<T>(run: () => Promise<T>): Promise<T> {
  await t.query(sql`alter table account add constraint simulated_fault check (false) not valid`);
  try {
    return await run();
  } finally {
    await t.query(sql`alter table account drop constraint simulated_fault`);
  }
}

function expectNoParametersLogged(...secrets: string[]) {
  for (const secret of secrets) t.logs.remember(secret);
  const failures = t.logs.lines.filter((line) => line.includes('"request failed"'));
  expect(failures.length).toBeGreaterThan(0);
  expect(t.logs.leaks()).toEqual([]);
  for (const line of t.logs.lines) {
    expect(line).not.toMatch(/\$argon2id\$|params:/);
  }
}

describe("a database fault", () => {
  it("logs no parameter of the failed sign-up, and creates no account", async () => {
    const email = uniqueEmail("fault.signup");
    const browser = t.browser();
    const answer = await withAccountWritesFailing(() => browser.signUp(email));
    expect(answer.statusCode).toBe(500);
    expect(answer.json().error.code).toBe("INTERNAL_ERROR");
    expectNoParametersLogged(email, STRONG_PASSWORD);
    expect(await t.query(sql`select 1 from account where email = ${email}`)).toEqual([]);
  });

  it("logs neither the new password's hash nor the password, and keeps the old password", async () => {
    const email = uniqueEmail("fault.change");
    const browser = t.browser();
    expect((await browser.signUp(email)).statusCode).toBe(201);
    const answer = await withAccountWritesFailing(() =>
      browser.post("/api/v1/account/password", { currentPassword: STRONG_PASSWORD, newPassword: NEW_PASSWORD }),
    );
    expect(answer.statusCode).toBe(500);
    expectNoParametersLogged(email, NEW_PASSWORD);
    expect((await t.browser().signIn(email, STRONG_PASSWORD)).statusCode).toBe(200);
  });

  it("logs no part of a reset link's token, and leaves the link usable", async () => {
    const email = uniqueEmail("fault.reset");
    expect((await t.browser().signUp(email)).statusCode).toBe(201);
    const lost = t.browser();
    const since = await t.sentMark();
    expect((await lost.post("/api/v1/auth/password-reset", { email, method: "email" })).statusCode).toBe(202);
    await t.delivered();
    const mail = t.sent.slice(since).find((message) => message.to === email);
    const token = /reset-password#token=(\S+)/.exec(mail?.text ?? "")?.[1];
    expect(token).toBeDefined();
    const answer = await withAccountWritesFailing(() =>
      lost.post("/api/v1/auth/password-reset/complete", { token, newPassword: NEW_PASSWORD }),
    );
    expect(answer.statusCode).toBe(500);
    expectNoParametersLogged(email, token!, NEW_PASSWORD);
    // The failed attempt rolled back whole: the link still works once, and the old password until then.
    expect((await t.browser().signIn(email, STRONG_PASSWORD)).statusCode).toBe(200);
    expect((await lost.post("/api/v1/auth/password-reset/complete", { token, newPassword: NEW_PASSWORD })).statusCode).toBe(200);
  });
});
