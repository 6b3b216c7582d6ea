// What a platform service's verifier remembers about the tokens it was shown: the claims of a
// live session, or that a token is not one. Keyed by the SHA-256 of the whole token, so the
// cache holds no usable token. Memory is bounded: least recently used entries go first, and
// inactive answers have a smaller budget of their own (a stranger can make up tokens).
//
// An entry of a live session lives at most `entryMs` (Usher's last_seen_at touch interval:
// a session used only through services still reaches Usher often enough to slide its idle
// expiry) and never past the session's own expiry. An inactive answer is final (a revoked or
// expired session never returns, and no token is ever issued twice), so it stays until evicted.
//
// Fills race with changes: an answer fetched while a change to its account arrived, or from
// before the cache was emptied, must not be stored. A fill therefore starts with a ticket, and
// the answer is stored only if nothing that concerns it happened since the ticket was taken.
import { hash } from "node:crypto";

export interface SessionCacheOptions {
  /** Live sessions remembered at most. */
  maxLive: number;
  /** Inactive tokens remembered at most. */
  maxInactive: number;
  /** The longest a live session's answer is used (Usher's touch interval). */
  entryMs: number;
  /** Accounts whose last change is remembered at most (past it, fills older than now are refused). */
  maxChangedAccounts?: number;
}

/** What the cache stores of a live session: its claims, and which account and expiry they belong to. */
export interface LiveAnswer<Claims> {
  accountId: string;
  /** The session's own expiry, in epoch milliseconds (Usher's `exp`). */
  expiresAtMs: number;
  claims: Claims;
}

/** Taken before asking Usher; the answer is stored only if it is still good when it arrives. */
export interface FillTicket {
  readonly generation: number;
}

export type Remembered<Claims> = { found: false } | { found: true; claims: Claims | null };

interface LiveEntry<Claims> extends LiveAnswer<Claims> {
  /** Monotonic milliseconds after which the entry is not used. */
  until: number;
  wallUntil: number;
}

const NOT_FOUND = { found: false } as const;
const INACTIVE = { found: true, claims: null } as const;

/** One-shot hashing: a third of the cost of a hash object, on every verified request. */
export const tokenKey = (token: string): string => hash("sha256", token, "base64url");

export class SessionCache<Claims> {
  readonly #options: Required<SessionCacheOptions>;
  readonly #live = new Map<string, LiveEntry<Claims>>();
  readonly #inactive = new Set<string>();
  /** The keys of each account's live entries, so a change to the account drops them all. */
  readonly #byAccount = new Map<string, Set<string>>();
  /** Counts every change and every emptying; a ticket remembers the count it was taken at, so a
   *  change counted later than a ticket happened after it. */
  #generation = 0;
  /** The generation of each account's latest change. */
  readonly #changedAt = new Map<string, number>();
  /** Tickets older than this are refused: the cache was emptied, or forgot which accounts changed. */
  #floor = 0;

  constructor(options: SessionCacheOptions) {
    this.#options = { maxChangedAccounts: 100_000, ...options };
  }

  get size(): { live: number; inactive: number } {
    return { live: this.#live.size, inactive: this.#inactive.size };
  }

  /**
   * The remembered answer for this token key, if there is one still good at `now`
   * (monotonic milliseconds) and `wallNow` (epoch milliseconds, for the session's expiry).
   */
  get(key: string, now: number, wallNow: number): Remembered<Claims> {
    const live = this.#live.get(key);
    if (live) {
      if (now >= live.until || wallNow >= live.wallUntil) {
        this.#forget(key, live);
        return NOT_FOUND;
      }
      // Re-inserted: a Map iterates oldest first, so the first entry is the least recently used.
      this.#live.delete(key);
      this.#live.set(key, live);
      return { found: true, claims: live.claims };
    }
    if (this.#inactive.has(key)) {
      this.#inactive.delete(key);
      this.#inactive.add(key);
      return INACTIVE;
    }
    return NOT_FOUND;
  }

  ticket(): FillTicket {
    return { generation: this.#generation };
  }

  /** Stores a live session's answer fetched under `ticket`; false when something it concerns changed meanwhile. */
  storeLive(key: string, ticket: FillTicket, answer: LiveAnswer<Claims>, now: number, wallNow: number): boolean {
    if (ticket.generation < this.#floor) return false;
    if ((this.#changedAt.get(answer.accountId) ?? 0) > ticket.generation) return false;
    const previous = this.#live.get(key);
    if (previous) this.#forget(key, previous);
    this.#live.set(key, {
      ...answer,
      until: now + this.#options.entryMs,
      wallUntil: Math.min(answer.expiresAtMs, wallNow + this.#options.entryMs),
    });
    const keys = this.#byAccount.get(answer.accountId) ?? new Set<string>();
    keys.add(key);
    this.#byAccount.set(answer.accountId, keys);
    while (this.#live.size > this.#options.maxLive) this.#evictOldestLive();
    return true;
  }

  /** Stores that a token is not a live session; false when the cache was emptied meanwhile. */
  storeInactive(key: string, ticket: FillTicket): boolean {
    if (ticket.generation < this.#floor) return false;
    this.#inactive.delete(key);
    this.#inactive.add(key);
    while (this.#inactive.size > this.#options.maxInactive) this.#inactive.delete(this.#inactive.values().next().value!);
    return true;
  }

  /** Something about the account changed: its sessions' answers go, and fills already under way for it are refused. */
  accountChanged(accountId: string): void {
    this.#generation += 1;
    this.#changedAt.set(accountId, this.#generation);
    for (const key of this.#byAccount.get(accountId) ?? []) this.#live.delete(key);
    this.#byAccount.delete(accountId);
    if (this.#changedAt.size > this.#options.maxChangedAccounts) {
      // Forgetting which accounts changed: every fill under way could concern one of them.
      this.#changedAt.clear();
      this.#floor = this.#generation;
    }
  }

  /** Forgets everything (a new lease epoch); fills under way are refused. */
  clear(): void {
    this.#generation += 1;
    this.#floor = this.#generation;
    this.#live.clear();
    this.#inactive.clear();
    this.#byAccount.clear();
    this.#changedAt.clear();
  }

  #forget(key: string, entry: LiveEntry<Claims>): void {
    this.#live.delete(key);
    const keys = this.#byAccount.get(entry.accountId);
    keys?.delete(key);
    if (keys?.size === 0) this.#byAccount.delete(entry.accountId);
  }

  #evictOldestLive(): void {
    const [key, entry] = this.#live.entries().next().value!;
    this.#forget(key, entry);
  }
}
