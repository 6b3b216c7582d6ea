// What the domain needs from the outside world: one small store interface per aggregate,
// plus the clock, randomness, password hashing and rate limiting. Implementations live in
// src/store (PGlite / node-postgres / Redis) and are proven by one contract suite.
import type { AvatarId } from "../contract/avatars";
import type { DeviceKind } from "../contract/schemas/common";

export type Plan = "basic" | "standard" | "premium";

export interface AccountRecord {
  id: string;
  email: string;
  emailVerifiedAt: Date | null;
  passwordHash: string;
  passwordChangedAt: Date;
  phoneE164: string | null;
  phoneVerifiedAt: Date | null;
  smsOptIn: boolean;
  plan: Plan;
  createdAt: Date;
}

export interface ProfileRecord {
  id: string;
  accountId: string;
  name: string;
  avatar: AvatarId;
  isKids: boolean;
  pinHash: string | null;
  position: number;
  createdAt: Date;
}

export type RevokedReason =
  | "signed_out"
  | "signed_out_all_devices"
  | "password_changed"
  | "signed_out_by_other_device";

export interface SessionRecord {
  id: string;
  accountId: string;
  /** SHA-256 (hex) of the token's secret half; the secret itself is never stored. */
  tokenHash: string;
  profileId: string | null;
  deviceKind: DeviceKind;
  deviceName: string;
  userAgent: string | null;
  ip: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  authenticatedAt: Date;
  aal: 1 | 2;
  revokedAt: Date | null;
  revokedReason: RevokedReason | null;
}

export type CodePurpose =
  | "phone_verification"
  // Issue 6 (recovery): single-use links (the digest is of the link's secret) and the texted reset code.
  | "email_verification"
  | "password_reset_link"
  | "password_reset_code"
  | "email_change";

export interface OneTimeCodeRecord {
  id: string;
  accountId: string;
  purpose: CodePurpose;
  /** What the code proves control of, e.g. the phone number it was sent to. */
  target: string;
  /** HMAC-SHA-256 (hex) of the code under a server key. */
  codeHash: string;
  expiresAt: Date;
  attempts: number;
  usedAt: Date | null;
  createdAt: Date;
}

export interface AuditEventInput {
  accountId: string | null;
  sessionId: string | null;
  type: string;
  ip: string | null;
  userAgent: string | null;
  at: Date;
  details: Record<string, unknown>;
}
export interface AuditEventRecord extends AuditEventInput {
  id: string;
}

export type OutboxChannel = "email" | "sms";
export interface OutboxMessageInput {
  channel: OutboxChannel;
  recipient: string;
  template: string;
  payload: Record<string, unknown>;
  createdAt: Date;
}
export interface OutboxMessageRecord extends OutboxMessageInput {
  id: string;
  /** Tries started so far (a claim counts one, so a node dying mid-send still uses one up). */
  attempts: number;
  sentAt: Date | null;
  lastError: string | null;
  /** When the message may next be claimed: a lease ahead while claimed, the backoff after a failure. */
  nextAttemptAt: Date;
  /** Set when the bounded number of tries is spent; the message is never tried again. */
  failedAt: Date | null;
}

/** After a failed try: try again at `retryAt`, or give up (`failedAt`). */
export type OutboxFailure =
  | { error: string; retryAt: Date }
  | { error: string; failedAt: Date; redactedPayload?: Record<string, unknown> };

export interface AccountStore {
  /** Answers false when the email is already taken. */
  create(account: AccountRecord): Promise<boolean>;
  findById(id: string): Promise<AccountRecord | null>;
  findByEmail(email: string): Promise<AccountRecord | null>;
  /** Holds the account row until the transaction ends, so per-account limits don't race. */
  lockForUpdate(id: string): Promise<void>;
  updatePassword(id: string, passwordHash: string, changedAt: Date): Promise<void>;
  /** Changes only whether the account gets text messages. */
  setSmsOptIn(id: string, smsOptIn: boolean): Promise<void>;
  /** Stores a new, unverified number (or none). */
  setPhone(id: string, phone: { e164: string; smsOptIn: boolean } | null): Promise<void>;
  /** Marks the account's number verified if it is still `e164`; false when it isn't, or another account verified it. */
  markPhoneVerified(id: string, e164: string, at: Date): Promise<boolean>;
  isPhoneVerifiedElsewhere(e164: string, accountId: string): Promise<boolean>;
  /** Issue 6: marks the email verified if it is still `email`; false when it changed meanwhile. */
  markEmailVerified(id: string, email: string, at: Date): Promise<boolean>;
  /** Issue 6: the new address, verified at `at` (a link to it was opened); false when another account has it. */
  changeEmail(id: string, email: string, at: Date): Promise<boolean>;
}

export interface ProfilePatch {
  name?: string;
  avatar?: AvatarId;
  isKids?: boolean;
}

export interface ProfileStore {
  listByAccount(accountId: string): Promise<ProfileRecord[]>;
  find(accountId: string, profileId: string): Promise<ProfileRecord | null>;
  /** Answers false when the name is taken in this account. */
  create(profile: ProfileRecord): Promise<boolean>;
  /** Answers "not_found", "name_taken" or the updated profile. */
  update(accountId: string, profileId: string, patch: ProfilePatch): Promise<ProfileRecord | "not_found" | "name_taken">;
  delete(accountId: string, profileId: string): Promise<boolean>;
}

export interface SessionStore {
  create(session: SessionRecord): Promise<void>;
  findById(id: string): Promise<SessionRecord | null>;
  /**
   * Records activity: writes last_seen_at, ip and the slid expires_at, but only when the
   * stored last_seen_at is older than `staleBefore` (so at most once per few minutes).
   */
  touch(id: string, seen: { at: Date; ip: string | null; expiresAt: Date }, staleBefore: Date): Promise<void>;
  setProfile(id: string, profileId: string): Promise<void>;
  revoke(id: string, at: Date, reason: RevokedReason): Promise<boolean>;
  /** One statement: every live session of the account, less `exceptSessionId`. Answers how many. */
  revokeAllForAccount(accountId: string, at: Date, reason: RevokedReason, exceptSessionId?: string): Promise<number>;
  /** Sessions neither revoked nor past `expiresAt`, newest activity first. */
  listLive(accountId: string, now: Date): Promise<SessionRecord[]>;
}

export interface OneTimeCodeStore {
  /** Stores a new code and retires any unused one of the same purpose for the account. */
  replace(code: OneTimeCodeRecord): Promise<void>;
  findActive(accountId: string, purpose: CodePurpose): Promise<OneTimeCodeRecord | null>;
  /** Counts one attempt (made before comparing, so racing guesses are all counted); answers the new count. */
  recordAttempt(id: string): Promise<number>;
  /** Marks the code used if nobody has yet: answers true for exactly one caller. */
  consume(id: string, at: Date): Promise<boolean>;
}

export interface AuditStore {
  record(event: AuditEventInput): Promise<void>;
  listByAccount(accountId: string, limit: number): Promise<AuditEventRecord[]>;
  /** Issue 6 (account activity): newest first by (at, id), strictly after the cursor `before` when given. */
  listPage(accountId: string, limit: number, before?: { at: Date; id: string }): Promise<AuditEventRecord[]>;
}

export interface OutboxStore {
  /** Due at once: next_attempt_at is the message's createdAt. */
  enqueue(message: OutboxMessageInput): Promise<void>;
  /**
   * One statement: takes up to `limit` due messages (oldest first) that no other node holds
   * (`FOR UPDATE SKIP LOCKED`), counts a try on each and leases them until `leaseUntil`.
   */
  claimDue(now: Date, leaseUntil: Date, limit: number): Promise<OutboxMessageRecord[]>;
  /** With `redactedPayload`, the payload is replaced too: its codes and link tokens need not outlive the send. */
  markSent(id: string, at: Date, redactedPayload?: Record<string, unknown>): Promise<void>;
  recordFailure(id: string, failure: OutboxFailure): Promise<void>;
  /** Newest first; the dev mailbox and tests read delivered messages here. */
  listRecent(limit: number): Promise<OutboxMessageRecord[]>;
}

export interface Stores {
  accounts: AccountStore;
  profiles: ProfileStore;
  sessions: SessionStore;
  codes: OneTimeCodeStore;
  audit: AuditStore;
  outbox: OutboxStore;
  /** Runs `work` in one database transaction: all of it commits, or none of it. */
  transaction<T>(work: (stores: Stores) => Promise<T>): Promise<T>;
}

export interface Random {
  /** `n` random bytes. */
  bytes(n: number): Buffer;
  uuid(): string;
  /** A string of `n` uniformly random decimal digits. */
  digits(n: number): string;
}

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /**
   * Checks a password against a stored hash. With `null` it still pays one full
   * verification and answers false, so an unknown email costs what a wrong password does.
   */
  verify(hash: string | null, password: string): Promise<boolean>;
}

export interface RateRule {
  /** Attempts allowed per window. */
  limit: number;
  windowMs: number;
}
export interface RateDecision {
  allowed: boolean;
  /** Seconds until the window resets (0 when allowed). */
  retryAfterSec: number;
}
export interface RateLimiter {
  /** Counts one attempt against `key` and answers whether it is within the rule. */
  consume(key: string, rule: RateRule): Promise<RateDecision>;
  /** Forgets the attempts counted against `key` (after a success). */
  reset(key: string): Promise<void>;
}
