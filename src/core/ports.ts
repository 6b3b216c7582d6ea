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
  | "signed_out_by_other_device"
  /** The token was replaced by a new one after re-authentication. */
  | "reauthenticated"
  /** The browser signed in again: its new session replaced this one. */
  | "replaced";

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

/** Names a session and the account it belongs to (whose open screens hear of its end). */
export type SessionRef = Pick<SessionRecord, "id" | "accountId">;

/** A session as a request sees it, read together with what nearly every page shows. */
export interface SessionInUse {
  session: SessionRecord;
  accountEmail: string;
  /** Whether that email is verified: every signed-in page reminds the owner until it is. */
  accountEmailVerified: boolean;
  /** The profile last chosen on this device, if it still exists. */
  profile: ProfileRecord | null;
}


export type CodePurpose =
  | "phone_verification"
  // Single-use links (the digest is of the link's secret). Password resets are code flows.
  | "email_verification"
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
  /** The account that verified this number, if any. */
  findByVerifiedPhone(e164: string): Promise<AccountRecord | null>;
  /** Marks the email verified if it is still `email`; false when it changed meanwhile. */
  markEmailVerified(id: string, email: string, at: Date): Promise<boolean>;
  /** The new address, verified at `at` (a link to it was opened); false when another account has it. */
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
  // ---- profile lock ----
  /** Sets or clears (null) a profile's PIN digest; false when the profile isn't the account's. */
  setPin(accountId: string, profileId: string, pinHash: string | null): Promise<boolean>;
  requiresPinToAdd(accountId: string): Promise<boolean>;
  setRequirePinToAdd(accountId: string, required: boolean): Promise<void>;
}

export interface SessionStore {
  create(session: SessionRecord): Promise<void>;
  findById(id: string): Promise<SessionRecord | null>;
  /**
   * What an authenticated request reads: the session with its account's email and the profile
   * in use, in one statement. Concurrent calls may share a statement, but never one sent
   * before the call: the answer is never older than the call.
   */
  findInUse(id: string): Promise<SessionInUse | null>;
  /**
   * Records activity: writes last_seen_at, ip and the slid expires_at, but only when the
   * stored last_seen_at is older than `staleBefore` (so at most once per few minutes).
   */
  touch(id: string, seen: { at: Date; ip: string | null; expiresAt: Date }, staleBefore: Date): Promise<void>;
  setProfile(id: string, profileId: string): Promise<void>;
  /** Ends one live session; false when it was already ended (the first reason is kept). */
  revoke(session: SessionRef, at: Date, reason: RevokedReason): Promise<boolean>;
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
  /** Account activity: newest first by (at, id), strictly after the cursor `before` when given. */
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
  /** A message whose recipient was settled when it went out (see code flows): where it really goes. */
  readdress(id: string, recipient: string): Promise<void>;
  /** Drops a message that must not go out (nobody to send it to, or a send budget spent). */
  discard(id: string): Promise<void>;
}

// ---- Codes asked for by address: sign-in codes and password resets ----

export type CodeFlowPurpose = "sign_in" | "password_reset";
/**
 * requested → sent (the account is bound, the code went out) or withheld (no such account,
 * a wrong password, a spent send budget); sent → redeemed once, or retired by a finished reset.
 */
export type CodeFlowStatus = "requested" | "sent" | "withheld" | "redeemed" | "retired";

/** Who asked for a code: recorded with the audit event, and what the send budgets key on. */
export interface CodeRequester {
  ip: string | null;
  userAgent: string | null;
  /** The network asked from (see rate-limit/client-network.ts). */
  network: string;
  /** The device credential it showed, as its id and a digest of its MAC (never the credential itself). */
  device: { id: string; macDigest: string } | null;
}

export interface CodeFlowRecord {
  id: string;
  purpose: CodeFlowPurpose;
  channel: OutboxChannel;
  /** What was asked for: a case-folded email or an E.164 number. */
  address: string;
  /** Bound when the code goes out; null while requested, and for good when nothing was sent. */
  accountId: string | null;
  /** HMAC-SHA-256 (hex) of the code, or of a link's secret. */
  codeHash: string;
  status: CodeFlowStatus;
  attempts: number;
  requester: CodeRequester;
  /** A sign-in from a new device past the account's guess budget: whether its password was right. */
  passwordProven: boolean | null;
  expiresAt: Date;
  createdAt: Date;
}

export interface CodeFlowStore {
  create(flow: CodeFlowRecord): Promise<void>;
  find(id: string): Promise<CodeFlowRecord | null>;
  /** requested → sent to `accountId`, or requested → withheld: true for exactly one caller. */
  decide(id: string, decision: { status: "sent"; accountId: string } | { status: "withheld" }): Promise<boolean>;
  /** Counts one guess in the database (racing guesses all count); answers the new count. */
  recordAttempt(id: string): Promise<number>;
  /** sent → redeemed while not expired at `at`, in one conditional update: true for exactly one caller. */
  redeem(id: string, at: Date): Promise<boolean>;
  /** Every requested or sent flow of the account with this purpose → retired; answers how many. */
  retireAll(accountId: string, purpose: CodeFlowPurpose): Promise<number>;
}

export interface Stores {
  accounts: AccountStore;
  profiles: ProfileStore;
  sessions: SessionStore;
  codes: OneTimeCodeStore;
  audit: AuditStore;
  outbox: OutboxStore;
  /** TV sign-in. */
  tvCodes: TvCodeStore;
  // ---- two-step verification and passkeys ----
  totp: TotpStore;
  backupCodes: BackupCodeStore;
  passkeys: PasskeyStore;
  authFlows: AuthFlowStore;
  codeFlows: CodeFlowStore;
  /**
   * Runs `work` in one database transaction: it commits when `work` resolves and rolls back
   * when it throws. Use cases go through core's inUnitOfWork, which also rolls back on a
   * failure answer and announces what committed.
   */
  transaction<T>(work: (stores: Stores) => Promise<T>): Promise<T>;
}

// --- TV sign-in: device authorization flows, RFC 8628 ---------------------------

export type TvCodeStatus = "pending" | "approved" | "denied" | "redeemed";

/** One device authorization flow: a TV asking to be signed in, until it redeems or expires. */
export interface TvCodeRecord {
  id: string;
  /** SHA-256 (hex) of the device code the TV polls with; the code itself is never stored. */
  deviceCodeHash: string;
  /** Normalized: 8 letters, no dash. Shown on the TV, typed on the phone. */
  userCode: string;
  clientId: string;
  status: TvCodeStatus;
  expiresAt: Date;
  /** Seconds the TV must wait between polls; grows by 5 with every slow_down. */
  intervalSec: number;
  lastPolledAt: Date | null;
  /** The device asking: what it will be called in the device list, and where it asked from. */
  deviceName: string;
  userAgent: string | null;
  ip: string | null;
  createdAt: Date;
  /** Who approved or denied it, with which profile, and when. */
  accountId: string | null;
  profileId: string | null;
  decidedAt: Date | null;
  /** The session its redemption created. */
  sessionId: string | null;
}

export interface TvCodeDecision {
  status: "approved" | "denied";
  accountId: string;
  profileId: string | null;
  at: Date;
}

export interface TvCodeStore {
  /** Answers false when a pending flow already shows this user code (the caller draws another). */
  create(record: TvCodeRecord): Promise<boolean>;
  findByDeviceCodeHash(deviceCodeHash: string): Promise<TvCodeRecord | null>;
  /** The newest flow showing this user code. */
  findByUserCode(userCode: string): Promise<TvCodeRecord | null>;
  /**
   * Records a poll if nobody polled since `seenLastPolledAt` (what the caller read), setting
   * the interval; false when another poll got there first.
   */
  recordPoll(id: string, seenLastPolledAt: Date | null, at: Date, intervalSec: number): Promise<boolean>;
  /** Approves or denies a pending flow that has not expired at `decision.at`; true for exactly one caller. */
  decide(id: string, decision: TvCodeDecision): Promise<boolean>;
  /** One conditional update (`… WHERE status = 'approved'`): true for exactly one caller. */
  redeem(id: string, sessionId: string): Promise<boolean>;
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
  /** Names the window the attempt was counted in, so that a success can take back its own attempt. */
  window: string;
}
export interface RateLimiter {
  /** Counts one attempt against `key` and answers whether it is within the rule. */
  consume(key: string, rule: RateRule): Promise<RateDecision>;
  /**
   * Takes back one attempt counted in `window`, because it succeeded; nothing once that window
   * has closed, and never below zero. Called once per successful attempt, so a success gives
   * back its own attempt and never refills what failures spent.
   */
  refund(key: string, window: string): Promise<void>;
}

// ---- Two-step verification, passkeys and sign-in flows ----

export interface TotpRecord {
  accountId: string;
  /** AES-256-GCM ciphertext of the base32 secret (see core/crypto/secret-box.ts). */
  secretEncrypted: string;
  /** Null while the set-up waits for its first correct code. */
  enabledAt: Date | null;
  lastUsedStep: number | null;
  createdAt: Date;
}

export interface TotpStore {
  find(accountId: string): Promise<TotpRecord | null>;
  /** Starts (or restarts) a set-up; answers false when an enabled authenticator is already there. */
  savePending(record: TotpRecord): Promise<boolean>;
  /** Turns on a pending set-up with the step its first code used; false when it is not pending. */
  enable(accountId: string, at: Date, step: number): Promise<boolean>;
  /** Records `step` as used if it is later than every step used before: true for exactly one caller. */
  useStep(accountId: string, step: number): Promise<boolean>;
  delete(accountId: string): Promise<boolean>;
}

export interface BackupCodeRecord {
  id: string;
  accountId: string;
  /** HMAC-SHA-256 (hex) under a server key. */
  codeHash: string;
  usedAt: Date | null;
  createdAt: Date;
}

export interface BackupCodeStore {
  /** Replaces the account's whole set (the old codes stop working). */
  replaceAll(accountId: string, codes: BackupCodeRecord[]): Promise<void>;
  /** Marks the unused code with this digest used: true for exactly one caller. */
  consume(accountId: string, codeHash: string, at: Date): Promise<boolean>;
  /** Whether a code with this digest was in the set and has been spent. */
  isSpent(accountId: string, codeHash: string): Promise<boolean>;
  countUnused(accountId: string): Promise<number>;
  deleteAll(accountId: string): Promise<void>;
}

export interface PasskeyRecord {
  /** WebAuthn credential id, base64url. */
  id: string;
  accountId: string;
  name: string;
  /** COSE public key, base64url. */
  publicKey: string;
  counter: number;
  transports: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
}

export interface PasskeyStore {
  /** False when the credential is already registered (to any account). */
  create(record: PasskeyRecord): Promise<boolean>;
  findById(id: string): Promise<PasskeyRecord | null>;
  listByAccount(accountId: string): Promise<PasskeyRecord[]>;
  rename(accountId: string, id: string, name: string): Promise<PasskeyRecord | null>;
  delete(accountId: string, id: string): Promise<boolean>;
  recordUse(id: string, counter: number, at: Date): Promise<void>;
}

export type AuthFlowKind = "two_step" | "passkey_registration" | "passkey_sign_in";
export type AuthFlowStatus = "pending" | "redeemed";

export interface AuthFlowRecord {
  id: string;
  kind: AuthFlowKind;
  accountId: string | null;
  /** SHA-256 (hex) of what the client holds: the opaque challenge, or the WebAuthn challenge. */
  handleHash: string;
  webauthnChallenge: string | null;
  status: AuthFlowStatus;
  attempts: number;
  /** E.g. the device that started a two-step sign-in. */
  details: Record<string, unknown>;
  expiresAt: Date;
  createdAt: Date;
}

export interface AuthFlowStore {
  create(flow: AuthFlowRecord): Promise<void>;
  findByHandle(kind: AuthFlowKind, handleHash: string): Promise<AuthFlowRecord | null>;
  /** Counts one attempt in the database (racing guesses all count); answers the new count. */
  recordAttempt(id: string): Promise<number>;
  /** pending → redeemed while not expired, in one conditional update: true for exactly one caller. */
  redeem(id: string, at: Date): Promise<boolean>;
}
