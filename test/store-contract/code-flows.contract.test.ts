// Contract of CodeFlowStore: one row per code asked for, decided once (sent to an account, or
// withheld), guesses counted in the database, redeemed by one conditional update, and ended
// together when a reset completes.
import { randomBytes, randomUUID } from "node:crypto";
import { beforeEach, expect, it } from "vitest";
import type { CodeFlowRecord } from "../../src/core/code-flows/ports";
import { describeOnEachDatabase } from "./each-database";
import { anAccount, minutes, T0 } from "./fixtures";

function aFlow(overrides: Partial<CodeFlowRecord> = {}): CodeFlowRecord {
  return {
    id: randomUUID(),
    purpose: "sign_in",
    channel: "email",
    address: "viewer@example.test",
    accountId: null,
    codeHash: randomBytes(32).toString("hex"),
    status: "requested",
    attempts: 0,
    requester: { ip: "192.0.2.7", userAgent: "Mozilla/5.0", network: "192.0.2.7", device: null },
    passwordProven: null,
    expiresAt: minutes(10),
    createdAt: T0,
    ...overrides,
  };
}

describeOnEachDatabase("code flow store", (t) => {
  let accountId: string;
  beforeEach(async () => {
    const account = anAccount();
    await t.stores.accounts.create(account);
    accountId = account.id;
  });

  it("stores a flow and reads every field back", async () => {
    const flow = aFlow({
      requester: { ip: null, userAgent: null, network: "2001:db8::/64", device: { id: "abc", macDigest: "f".repeat(64) } },
      passwordProven: false,
    });
    await t.stores.codeFlows.create(flow);
    expect(await t.stores.codeFlows.find(flow.id)).toEqual(flow);
    expect(await t.stores.codeFlows.find(randomUUID())).toBeNull();
  });

  it("decides a requested flow once: sent to an account, or withheld", async () => {
    const sent = aFlow();
    const withheld = aFlow();
    for (const flow of [sent, withheld]) await t.stores.codeFlows.create(flow);
    expect(await t.stores.codeFlows.decide(sent.id, { status: "sent", accountId })).toBe(true);
    expect(await t.stores.codeFlows.decide(sent.id, { status: "withheld" })).toBe(false);
    expect(await t.stores.codeFlows.decide(withheld.id, { status: "withheld" })).toBe(true);
    expect(await t.stores.codeFlows.decide(withheld.id, { status: "sent", accountId })).toBe(false);
    expect(await t.stores.codeFlows.find(sent.id)).toMatchObject({ status: "sent", accountId });
    expect(await t.stores.codeFlows.find(withheld.id)).toMatchObject({ status: "withheld", accountId: null });
  });

  it("counts every one of many racing guesses", async () => {
    const flow = aFlow();
    await t.stores.codeFlows.create(flow);
    const counts = await Promise.all(Array.from({ length: 8 }, () => t.stores.codeFlows.recordAttempt(flow.id)));
    expect(counts.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it("redeems a sent flow once, before it expires, and never one that was not sent", async () => {
    const flow = aFlow();
    const requested = aFlow();
    const late = aFlow();
    for (const f of [flow, requested, late]) await t.stores.codeFlows.create(f);
    for (const f of [flow, late]) await t.stores.codeFlows.decide(f.id, { status: "sent", accountId });
    const racing = await Promise.all([t.stores.codeFlows.redeem(flow.id, minutes(1)), t.stores.codeFlows.redeem(flow.id, minutes(1))]);
    expect(racing.sort()).toEqual([false, true]);
    expect(await t.stores.codeFlows.redeem(requested.id, minutes(1))).toBe(false);
    expect(await t.stores.codeFlows.redeem(late.id, minutes(10))).toBe(false);
  });

  it("retires every open flow of the account with that purpose, and nothing else", async () => {
    const other = anAccount();
    await t.stores.accounts.create(other);
    const open = [aFlow({ purpose: "password_reset" }), aFlow({ purpose: "password_reset" })];
    const signIn = aFlow();
    const theirs = aFlow({ purpose: "password_reset" });
    for (const f of [...open, signIn, theirs]) await t.stores.codeFlows.create(f);
    for (const f of [...open, signIn]) await t.stores.codeFlows.decide(f.id, { status: "sent", accountId });
    await t.stores.codeFlows.decide(theirs.id, { status: "sent", accountId: other.id });
    await t.stores.codeFlows.redeem(open[0]!.id, minutes(1));

    expect(await t.stores.codeFlows.retireAll(accountId, "password_reset")).toBe(1);
    expect((await t.stores.codeFlows.find(open[0]!.id))?.status).toBe("redeemed");
    expect((await t.stores.codeFlows.find(open[1]!.id))?.status).toBe("retired");
    expect((await t.stores.codeFlows.find(signIn.id))?.status).toBe("sent");
    expect((await t.stores.codeFlows.find(theirs.id))?.status).toBe("sent");
  });

  it("goes with its account", async () => {
    const flow = aFlow();
    await t.stores.codeFlows.create(flow);
    await t.stores.codeFlows.decide(flow.id, { status: "sent", accountId });
    await t.db.execute(`delete from account where id = '${accountId}'`);
    expect(await t.stores.codeFlows.find(flow.id)).toBeNull();
  });
});
