// Contract of OneTimeCodeStore: one active code per purpose, counted guesses, single redemption.
import { beforeEach, expect, it } from "vitest";
import { describeOnEachDatabase } from "./each-database";
import { aCode, anAccount, minutes } from "./fixtures";

describeOnEachDatabase("one-time code store", (t) => {
  let accountId: string;
  beforeEach(async () => {
    const account = anAccount();
    await t.stores.accounts.create(account);
    accountId = account.id;
  });

  it("stores a code and finds it as the active one", async () => {
    const code = aCode(accountId);
    await t.stores.codes.replace(code);
    expect(await t.stores.codes.findActive(accountId, "phone_verification")).toEqual(code);
  });

  it("answers null when the account has no unused code", async () => {
    expect(await t.stores.codes.findActive(accountId, "phone_verification")).toBeNull();
    const code = aCode(accountId);
    await t.stores.codes.replace(code);
    await t.stores.codes.consume(code.id, minutes(1));
    expect(await t.stores.codes.findActive(accountId, "phone_verification")).toBeNull();
  });

  it("retires the unused code when a new one replaces it", async () => {
    const first = aCode(accountId, { target: "+14155550100" });
    const second = aCode(accountId, { target: "+14155550101", createdAt: minutes(2), expiresAt: minutes(12) });
    await t.stores.codes.replace(first);
    await t.stores.codes.replace(second);

    expect(await t.stores.codes.findActive(accountId, "phone_verification")).toEqual(second);
    // The retired code cannot be redeemed any more: it already counts as used.
    expect(await t.stores.codes.consume(first.id, minutes(3))).toBe(false);
  });

  it("leaves other accounts' codes active when replacing", async () => {
    const other = anAccount();
    await t.stores.accounts.create(other);
    const theirs = aCode(other.id);
    await t.stores.codes.replace(theirs);

    await t.stores.codes.replace(aCode(accountId, { createdAt: minutes(1) }));
    expect(await t.stores.codes.findActive(other.id, "phone_verification")).toEqual(theirs);
  });

  it("counts each attempt and answers the new count", async () => {
    const code = aCode(accountId);
    await t.stores.codes.replace(code);

    expect(await t.stores.codes.recordAttempt(code.id)).toBe(1);
    expect(await t.stores.codes.recordAttempt(code.id)).toBe(2);
    expect(await t.stores.codes.findActive(accountId, "phone_verification")).toMatchObject({ attempts: 2 });
  });

  it("counts every one of many simultaneous attempts", async () => {
    const code = aCode(accountId);
    await t.stores.codes.replace(code);

    const counts = await Promise.all(Array.from({ length: 10 }, () => t.stores.codes.recordAttempt(code.id)));
    expect([...counts].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("refuses to count an attempt on a code that does not exist", async () => {
    await expect(t.stores.codes.recordAttempt(aCode(accountId).id)).rejects.toThrow();
  });

  it("consumes a code once and records when", async () => {
    const code = aCode(accountId);
    await t.stores.codes.replace(code);

    expect(await t.stores.codes.consume(code.id, minutes(1))).toBe(true);
    expect(await t.stores.codes.consume(code.id, minutes(2))).toBe(false);
    expect(await t.stores.codes.consume(aCode(accountId).id, minutes(2))).toBe(false);
  });

  it("answers true to exactly one of ten simultaneous consumes of one code", async () => {
    const code = aCode(accountId);
    await t.stores.codes.replace(code);

    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => t.stores.codes.consume(code.id, minutes(i))));
    expect(answers.filter(Boolean)).toHaveLength(1);
  });
});
