import { describe, expect, it } from "vitest";
import { USER_CODE_ALPHABET } from "../../contract/schemas/tv-sign-in";
import { cryptoRandom } from "../crypto/random";
import type { TvCodeRecord } from "./ports";
import { decisionBlocker, pollTransition } from "./tv-code-flow";
import { formatUserCode, newUserCode, normalizeUserCode } from "./user-code";

const T0 = new Date("2026-03-01T20:00:00Z");
const later = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

function aFlow(overrides: Partial<TvCodeRecord> = {}): TvCodeRecord {
  return {
    id: "flow",
    deviceCodeHash: "00",
    userCode: "BCDFGHJK",
    clientId: "usher-tv",
    status: "pending",
    expiresAt: later(900),
    intervalSec: 5,
    lastPolledAt: null,
    deviceName: "Samsung TV",
    userAgent: null,
    ip: null,
    createdAt: T0,
    accountId: null,
    profileId: null,
    decidedAt: null,
    sessionId: null,
    ...overrides,
  };
}

describe("a TV sign-in poll", () => {
  it("is pending on the first poll and after waiting the interval", () => {
    expect(pollTransition(aFlow(), T0, 5)).toEqual({ kind: "authorization_pending", nextIntervalSec: 5 });
    expect(pollTransition(aFlow({ lastPolledAt: T0 }), later(5), 5)).toEqual({ kind: "authorization_pending", nextIntervalSec: 5 });
  });

  it("answers slow_down and grows the interval by 5 s when polled sooner than the interval", () => {
    expect(pollTransition(aFlow({ lastPolledAt: T0 }), later(4), 5)).toEqual({ kind: "slow_down", nextIntervalSec: 10 });
    expect(pollTransition(aFlow({ lastPolledAt: T0, intervalSec: 10 }), later(9), 5)).toEqual({ kind: "slow_down", nextIntervalSec: 15 });
  });

  it("redeems an approved flow at once, however fast it is polled", () => {
    expect(pollTransition(aFlow({ status: "approved", lastPolledAt: T0 }), T0, 5)).toEqual({ kind: "redeem" });
  });

  it("answers access_denied for a denied flow and expired_token once the code has expired", () => {
    expect(pollTransition(aFlow({ status: "denied" }), later(10), 5)).toEqual({ kind: "access_denied" });
    expect(pollTransition(aFlow(), later(900), 5)).toEqual({ kind: "expired_token" });
    expect(pollTransition(aFlow({ status: "approved" }), later(901), 5)).toEqual({ kind: "expired_token" });
  });

  it("refuses a device code that has already been redeemed", () => {
    expect(pollTransition(aFlow({ status: "redeemed" }), later(1), 5)).toEqual({ kind: "invalid_grant" });
  });
});

describe("deciding a TV sign-in", () => {
  it("is possible only while the flow is pending and unexpired", () => {
    expect(decisionBlocker(aFlow(), later(899))).toBeNull();
    expect(decisionBlocker(aFlow(), later(900))).toBe("TV_CODE_EXPIRED");
    for (const status of ["approved", "denied", "redeemed"] as const) {
      expect(decisionBlocker(aFlow({ status }), T0)).toBe("TV_CODE_ALREADY_USED");
    }
  });
});

describe("user codes", () => {
  it("are 8 letters without look-alikes or vowels", () => {
    for (let i = 0; i < 200; i++) {
      const code = newUserCode(cryptoRandom);
      expect(code).toMatch(/^[BCDFGHJKLMNPQRSTVWXZ]{8}$/);
    }
    expect(USER_CODE_ALPHABET).not.toMatch(/[AEIOU01]/);
  });

  it("use every letter of the alphabet", () => {
    const seen = new Set([...Array.from({ length: 100 }, () => newUserCode(cryptoRandom)).join("")]);
    expect(seen.size).toBe(USER_CODE_ALPHABET.length);
  });

  it("are shown as ABCD-EFGH and accepted in any case, with or without the dash", () => {
    expect(formatUserCode("BCDFGHJK")).toBe("BCDF-GHJK");
    expect(normalizeUserCode("bcdf-ghjk")).toBe("BCDFGHJK");
    expect(normalizeUserCode(" BCDF GHJK ")).toBe("BCDFGHJK");
    expect(normalizeUserCode("BCDF-GHJ")).toBeNull();
    expect(normalizeUserCode("ABCD-EFGH")).toBeNull(); // vowels are never in a code
  });
});
