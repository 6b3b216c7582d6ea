// The verifier's cache on its own: what it answers, for how long, within what memory, and
// which fills it refuses because a change or an emptying came while Usher was being asked.
import { describe, expect, it } from "vitest";
import { SessionCache, tokenKey } from "./session-cache.js";

const ENTRY_MS = 5 * 60_000;
const WALL = Date.parse("2026-12-06T12:00:00Z");
const cache = (options: Partial<ConstructorParameters<typeof SessionCache>[0]> = {}) =>
  new SessionCache<{ profile: string }>({ maxLive: 100, maxInactive: 100, entryMs: ENTRY_MS, ...options });
const answer = (accountId: string, expiresAtMs = WALL + 86_400_000) => ({ accountId, expiresAtMs, claims: { profile: accountId } });

describe("SessionCache", () => {
  it("keys entries by the SHA-256 of the whole token, never the token", () => {
    const key = tokenKey("session-id.secret-half");
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(key).not.toContain("secret");
    expect(tokenKey("session-id.secret-halg")).not.toBe(key);
  });

  it("answers a stored live session until the touch interval has passed, then asks again", () => {
    const c = cache();
    expect(c.storeLive("k", c.ticket(), answer("a"), 0, WALL)).toBe(true);
    expect(c.get("k", ENTRY_MS - 1, WALL)).toEqual({ found: true, claims: { profile: "a" } });
    expect(c.get("k", ENTRY_MS, WALL)).toEqual({ found: false });
    expect(c.size.live).toBe(0);
  });

  it("never answers a session past its own expiry", () => {
    const c = cache();
    c.storeLive("k", c.ticket(), answer("a", WALL + 1_000), 0, WALL);
    expect(c.get("k", 10, WALL + 999).found).toBe(true);
    expect(c.get("k", 20, WALL + 1_000)).toEqual({ found: false });
  });

  it("remembers inactive tokens, within their own budget, least recently used first out", () => {
    const c = cache({ maxInactive: 2 });
    for (const key of ["x", "y"]) c.storeInactive(key, c.ticket());
    expect(c.get("x", 0, WALL)).toEqual({ found: true, claims: null });
    c.storeInactive("z", c.ticket());
    expect(c.get("y", 0, WALL)).toEqual({ found: false });
    expect(c.get("x", 0, WALL).found).toBe(true);
    expect(c.size).toEqual({ live: 0, inactive: 2 });
  });

  it("bounds live entries, dropping the least recently used", () => {
    const c = cache({ maxLive: 2 });
    c.storeLive("k1", c.ticket(), answer("a"), 0, WALL);
    c.storeLive("k2", c.ticket(), answer("b"), 0, WALL);
    c.get("k1", 1, WALL);
    c.storeLive("k3", c.ticket(), answer("c"), 0, WALL);
    expect(c.get("k2", 2, WALL).found).toBe(false);
    expect(c.get("k1", 2, WALL).found).toBe(true);
    expect(c.get("k3", 2, WALL).found).toBe(true);
  });

  it("drops every session of an account that changed, and no other", () => {
    const c = cache();
    c.storeLive("phone", c.ticket(), answer("a"), 0, WALL);
    c.storeLive("tv", c.ticket(), answer("a"), 0, WALL);
    c.storeLive("other", c.ticket(), answer("b"), 0, WALL);
    c.accountChanged("a");
    expect(c.get("phone", 1, WALL).found).toBe(false);
    expect(c.get("tv", 1, WALL).found).toBe(false);
    expect(c.get("other", 1, WALL).found).toBe(true);
  });

  it("refuses a fill for an account that changed while Usher was asked, and takes one asked after", () => {
    const c = cache();
    const before = c.ticket();
    c.accountChanged("a");
    expect(c.storeLive("k", before, answer("a"), 0, WALL)).toBe(false);
    expect(c.get("k", 0, WALL).found).toBe(false);
    // Another account's change does not concern this fill.
    expect(c.storeLive("k2", before, answer("b"), 0, WALL)).toBe(true);
    const after = c.ticket();
    expect(c.storeLive("k", after, answer("a"), 0, WALL)).toBe(true);
  });

  it("refuses every fill from before it was emptied (a new lease epoch), inactive ones too", () => {
    const c = cache();
    const before = c.ticket();
    c.storeLive("k", c.ticket(), answer("a"), 0, WALL);
    c.clear();
    expect(c.get("k", 0, WALL).found).toBe(false);
    expect(c.storeLive("k", before, answer("a"), 0, WALL)).toBe(false);
    expect(c.storeInactive("x", before)).toBe(false);
    expect(c.storeLive("k", c.ticket(), answer("a"), 0, WALL)).toBe(true);
  });

  it("refuses fills from before it forgot which accounts changed, so forgetting is never unsafe", () => {
    const c = cache({ maxChangedAccounts: 2 });
    const before = c.ticket();
    for (const account of ["a", "b", "c"]) c.accountChanged(account);
    // "c" overflowed the record: no fill from before may be trusted, whatever its account.
    expect(c.storeLive("k", before, answer("z"), 0, WALL)).toBe(false);
    expect(c.storeLive("k", c.ticket(), answer("a"), 0, WALL)).toBe(true);
  });
});
