// Contract of TvCodeStore: device codes found by hash, one pending flow per user code, polls
// and decisions as conditional updates, and a redemption that exactly one caller wins.
import { randomBytes, randomUUID } from "node:crypto";
import { beforeEach, expect, it } from "vitest";
import type { TvCodeRecord } from "../../src/core/tv-sign-in/ports";
import { describeOnEachDatabase } from "./each-database";
import { anAccount, aProfile, aSession, minutes, T0 } from "./fixtures";

let codeCounter = 0;
/** A user code no other test uses (8 letters of the alphabet, from a counter). */
function aUserCode(): string {
  const alphabet = "BCDFGHJKLMNPQRSTVWXZ";
  let n = Date.now() * 1000 + process.pid + codeCounter++;
  let code = "";
  for (let i = 0; i < 8; i++) {
    code += alphabet[n % 20];
    n = Math.floor(n / 20);
  }
  return code;
}

function aTvCode(overrides: Partial<TvCodeRecord> = {}): TvCodeRecord {
  return {
    id: randomUUID(),
    deviceCodeHash: randomBytes(32).toString("hex"),
    userCode: aUserCode(),
    clientId: "usher-tv",
    status: "pending",
    expiresAt: minutes(15),
    intervalSec: 5,
    lastPolledAt: null,
    deviceName: "Samsung TV",
    userAgent: "Mozilla/5.0 (SMART-TV; Linux; Tizen 7.0)",
    ip: "192.0.2.30",
    createdAt: T0,
    accountId: null,
    profileId: null,
    decidedAt: null,
    sessionId: null,
    ...overrides,
  };
}

describeOnEachDatabase("TV code store", (t) => {
  let accountId: string;
  let profileId: string;
  beforeEach(async () => {
    const account = anAccount();
    await t.stores.accounts.create(account);
    const profile = aProfile(account.id);
    await t.stores.profiles.create(profile);
    accountId = account.id;
    profileId = profile.id;
  });

  const approve = (id: string, at = minutes(1)) => t.stores.tvCodes.decide(id, { status: "approved", accountId, profileId, at });

  it("stores a flow and finds it by device code hash and by user code", async () => {
    const flow = aTvCode();
    expect(await t.stores.tvCodes.create(flow)).toBe(true);
    expect(await t.stores.tvCodes.findByDeviceCodeHash(flow.deviceCodeHash)).toEqual(flow);
    expect(await t.stores.tvCodes.findByUserCode(flow.userCode)).toEqual(flow);
    expect(await t.stores.tvCodes.findByDeviceCodeHash(randomBytes(32).toString("hex"))).toBeNull();
  });

  it("refuses a second pending flow with the same user code, but frees the code once decided", async () => {
    const first = aTvCode();
    await t.stores.tvCodes.create(first);
    expect(await t.stores.tvCodes.create(aTvCode({ userCode: first.userCode }))).toBe(false);

    await approve(first.id);
    const second = aTvCode({ userCode: first.userCode, createdAt: minutes(2) });
    expect(await t.stores.tvCodes.create(second)).toBe(true);
    expect(await t.stores.tvCodes.findByUserCode(first.userCode)).toEqual(second);
  });

  it("records a poll only if nobody polled since the caller's read", async () => {
    const flow = aTvCode();
    await t.stores.tvCodes.create(flow);
    expect(await t.stores.tvCodes.recordPoll(flow.id, null, minutes(1), 5)).toBe(true);
    expect(await t.stores.tvCodes.recordPoll(flow.id, null, minutes(1), 5)).toBe(false);
    expect(await t.stores.tvCodes.recordPoll(flow.id, minutes(1), minutes(2), 10)).toBe(true);
    expect(await t.stores.tvCodes.findByUserCode(flow.userCode)).toMatchObject({ lastPolledAt: minutes(2), intervalSec: 10 });
  });

  it("decides a pending, unexpired flow once", async () => {
    const flow = aTvCode();
    await t.stores.tvCodes.create(flow);
    expect(await approve(flow.id)).toBe(true);
    expect(await t.stores.tvCodes.decide(flow.id, { status: "denied", accountId, profileId: null, at: minutes(2) })).toBe(false);
    expect(await t.stores.tvCodes.findByUserCode(flow.userCode)).toMatchObject({
      status: "approved",
      accountId,
      profileId,
      decidedAt: minutes(1),
    });

    const late = aTvCode();
    await t.stores.tvCodes.create(late);
    expect(await approve(late.id, minutes(15))).toBe(false);
  });

  it("redeems only an approved flow, once", async () => {
    const flow = aTvCode();
    await t.stores.tvCodes.create(flow);
    expect(await t.stores.tvCodes.redeem(flow.id, "session-a")).toBe(false);
    await approve(flow.id);
    expect(await t.stores.tvCodes.redeem(flow.id, "session-a")).toBe(true);
    expect(await t.stores.tvCodes.redeem(flow.id, "session-b")).toBe(false);
    expect(await t.stores.tvCodes.findByUserCode(flow.userCode)).toMatchObject({ status: "redeemed", sessionId: "session-a" });
  });

  it("lets exactly one of twenty simultaneous redeeming transactions create its session", async () => {
    const flow = aTvCode();
    await t.stores.tvCodes.create(flow);
    await approve(flow.id);

    const attempts = Array.from({ length: 20 }, () =>
      t.stores.transaction(async (stores) => {
        const session = aSession(accountId, { deviceKind: "tv" });
        if (!(await stores.tvCodes.redeem(flow.id, session.id))) return null;
        await stores.sessions.create(session);
        return session.id;
      }),
    );
    const winners = (await Promise.all(attempts)).filter((id) => id !== null);
    expect(winners).toHaveLength(1);
    expect((await t.stores.sessions.listLive(accountId, T0)).map((session) => session.id)).toEqual(winners);
    expect(await t.stores.tvCodes.findByUserCode(flow.userCode)).toMatchObject({ sessionId: winners[0] });
  });
});
