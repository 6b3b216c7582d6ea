// Session freshness at the edges of the re-authentication window, on a clock moved by hand.
import { describe, expect, it } from "vitest";
import { days, ManualClock, minutes } from "../clock";
import { defaultCoreConfig } from "../config";
import type { SessionRecord } from "./ports";
import { reauthenticatedUntil, requireRecentAuth } from "./recent-proof";

const signedIn = new Date("2026-01-01T08:00:00Z");
const proven = new Date("2026-01-01T09:00:00Z");
const window = minutes(10);
const config = { ...defaultCoreConfig, reauthWindowMs: window };

/** A session signed in at 08:00 that proved its password again at 09:00. */
const session: SessionRecord = {
  id: "session-id",
  accountId: "account-id",
  tokenHash: "0".repeat(64),
  profileId: null,
  deviceKind: "web",
  deviceName: "Chrome on macOS",
  userAgent: null,
  ip: null,
  createdAt: signedIn,
  lastSeenAt: proven,
  expiresAt: new Date(signedIn.getTime() + days(30)),
  authenticatedAt: proven,
  aal: 1,
  revokedAt: null,
  revokedReason: null,
};

function at(msAfterProof: number) {
  return { config, clock: new ManualClock(new Date(proven.getTime() + msAfterProof)) };
}

describe("reauthenticatedUntil", () => {
  it("is the last proof plus the window, whenever the session was created", () => {
    expect(reauthenticatedUntil({ config }, session)).toEqual(new Date("2026-01-01T09:10:00Z"));
  });
});

describe("requireRecentAuth", () => {
  it("lets through a proof made just now", () => {
    expect(requireRecentAuth(at(0), session)).toBeNull();
  });

  it("lets through a proof one millisecond short of the window", () => {
    expect(requireRecentAuth(at(window - 1), session)).toBeNull();
  });

  it("answers REAUTH_REQUIRED the moment the window ends", () => {
    expect(requireRecentAuth(at(window), session)).toEqual({ ok: false, code: "REAUTH_REQUIRED" });
  });

  it("answers REAUTH_REQUIRED long after the proof, even while the session is still live", () => {
    expect(requireRecentAuth(at(days(1)), session)).toEqual({ ok: false, code: "REAUTH_REQUIRED" });
  });

  it("follows the configured window", () => {
    const longer = { ...at(minutes(15)), config: { ...config, reauthWindowMs: minutes(20) } };
    expect(requireRecentAuth(longer, session)).toBeNull();
  });

  it("counts a moved clock: fresh before it moves past the window, stale after", () => {
    const clock = new ManualClock(proven);
    expect(requireRecentAuth({ config, clock }, session)).toBeNull();
    clock.advance(window);
    expect(requireRecentAuth({ config, clock }, session)).toEqual({ ok: false, code: "REAUTH_REQUIRED" });
  });
});
