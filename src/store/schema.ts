// The database, as Drizzle sees it. `npm run db:generate` turns changes here into a new SQL
// migration under ./migrations; never edit an applied migration.
import { sql } from "drizzle-orm";
import { bigint, boolean, check, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const account = pgTable(
  "account",
  {
    id: uuid("id").primaryKey(),
    /** Case-folded; compared as stored. */
    email: text("email").notNull().unique("account_email_key"),
    emailVerifiedAt: at("email_verified_at"),
    /** argon2id PHC string. */
    passwordHash: text("password_hash").notNull(),
    passwordChangedAt: at("password_changed_at").notNull(),
    phoneE164: text("phone_e164"),
    phoneVerifiedAt: at("phone_verified_at"),
    smsOptIn: boolean("sms_opt_in").notNull().default(false),
    plan: text("plan").notNull().default("standard"),
    createdAt: at("created_at").notNull(),
    /** Set by support: no sign-in of any kind while set. */
    lockedAt: at("locked_at"),
    lockedReason: text("locked_reason"),
    /** The language of the account's emails and texts (en, es or ar). */
    language: text("language").notNull().default("en"),
    /** The IANA time zone the account's emails and texts give times in. */
    timeZone: text("time_zone").notNull().default("UTC"),
  },
  (t) => [
    // A number can be verified on one account only; unverified copies may coexist.
    uniqueIndex("account_verified_phone_key").on(t.phoneE164).where(sql`phone_verified_at is not null`),
    check("account_language_known", sql`${t.language} in ('en', 'es', 'ar')`),
  ],
);

export const profile = pgTable(
  "profile",
  {
    id: uuid("id").primaryKey(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => account.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    avatar: text("avatar").notNull(),
    isKids: boolean("is_kids").notNull().default(false),
    pinHash: text("pin_hash"),
    position: integer("position").notNull(),
    createdAt: at("created_at").notNull(),
    /** The highest maturity rating the profile may watch (All, 7+, 13+, 16+ or 18+). */
    maxRating: text("max_rating").notNull().default("18+"),
    /** Title ids blocked on this profile whatever their rating. */
    restrictedTitles: text("restricted_titles").array().notNull().default(sql`'{}'::text[]`),
    /** The language the web app and the TV show once this profile is chosen. */
    language: text("language").notNull().default("en"),
  },
  (t) => [
    uniqueIndex("profile_account_name_key").on(t.accountId, sql`lower(${t.name})`),
    check("profile_max_rating_known", sql`${t.maxRating} in ('All', '7+', '13+', '16+', '18+')`),
    check("profile_language_known", sql`${t.language} in ('en', 'es', 'ar')`),
    // A Kids profile never watches above 13+, whatever wrote the row.
    check("profile_kids_max_rating", sql`not ${t.isKids} or ${t.maxRating} in ('All', '7+', '13+')`),
  ],
);

export const session = pgTable(
  "session",
  {
    /** Random, not secret: the first half of the token. */
    id: text("id").primaryKey(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => account.id, { onDelete: "cascade" }),
    /** SHA-256 (hex) of the token's secret half. */
    tokenHash: text("token_hash").notNull(),
    profileId: uuid("profile_id").references(() => profile.id, { onDelete: "set null" }),
    deviceKind: text("device_kind").notNull(),
    deviceName: text("device_name").notNull(),
    userAgent: text("user_agent"),
    ip: text("ip"),
    createdAt: at("created_at").notNull(),
    lastSeenAt: at("last_seen_at").notNull(),
    expiresAt: at("expires_at").notNull(),
    authenticatedAt: at("authenticated_at").notNull(),
    aal: smallint("aal").notNull().default(1),
    revokedAt: at("revoked_at"),
    revokedReason: text("revoked_reason"),
  },
  (t) => [
    index("session_account_idx").on(t.accountId),
    // Retention: ended sessions, oldest first.
    index("session_ended_idx").on(sql`coalesce(${t.revokedAt}, ${t.expiresAt})`),
  ],
);

export const oneTimeCode = pgTable(
  "one_time_code",
  {
    id: uuid("id").primaryKey(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => account.id, { onDelete: "cascade" }),
    purpose: text("purpose").notNull(),
    target: text("target").notNull(),
    /** HMAC-SHA-256 (hex) under a server key: a 6-digit code is too small to hash plainly. */
    codeHash: text("code_hash").notNull(),
    expiresAt: at("expires_at").notNull(),
    attempts: integer("attempts").notNull().default(0),
    usedAt: at("used_at"),
    createdAt: at("created_at").notNull(),
  },
  (t) => [index("one_time_code_account_purpose_idx").on(t.accountId, t.purpose)],
);

export const auditEvent = pgTable(
  "audit_event",
  {
    id: uuid("id").primaryKey(),
    accountId: uuid("account_id").references(() => account.id, { onDelete: "cascade" }),
    sessionId: text("session_id"),
    type: text("type").notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
    // The id the request that wrote the row was logged under; null for rows written outside one.
    requestId: text("request_id"),
    at: at("at").notNull(),
    details: jsonb("details").notNull().default({}),
  },
  (t) => [index("audit_event_account_at_idx").on(t.accountId, t.at), index("audit_event_at_idx").on(t.at)],
);

export const outbox = pgTable(
  "outbox",
  {
    id: uuid("id").primaryKey(),
    channel: text("channel").notNull(),
    recipient: text("recipient").notNull(),
    /** The account an email or text is about, so its data can be exported and erased; never set on webhooks. */
    accountId: uuid("account_id").references(() => account.id, { onDelete: "cascade" }),
    template: text("template").notNull(),
    payload: jsonb("payload").notNull(),
    createdAt: at("created_at").notNull(),
    attempts: integer("attempts").notNull().default(0),
    sentAt: at("sent_at"),
    lastError: text("last_error"),
    // Dispatcher: when the message may next be tried. A claim pushes it a lease
    // ahead, so a node that dies mid-send leaves it to another after the lease; a failure
    // sets it by backoff. failed_at ends the retries once the bounded number is spent.
    // The default only fills rows that exist when the column is added.
    nextAttemptAt: at("next_attempt_at").notNull().defaultNow(),
    failedAt: at("failed_at"),
  },
  (t) => [
    index("outbox_due_idx").on(t.nextAttemptAt).where(sql`sent_at is null and failed_at is null`),
    index("outbox_account_idx").on(t.accountId),
    // Retention: delivered and abandoned messages, oldest first.
    index("outbox_finished_idx").on(sql`coalesce(${t.sentAt}, ${t.failedAt})`),
  ],
);

// --- TV sign-in ------------------------------------------------------------------
// One row per device authorization flow (RFC 8628): a TV asking to be signed in.
export const tvCode = pgTable(
  "tv_code",
  {
    id: uuid("id").primaryKey(),
    /** SHA-256 (hex) of the device code the TV polls with. */
    deviceCodeHash: text("device_code_hash").notNull().unique("tv_code_device_code_hash_key"),
    /** Normalized (8 letters, no dash); short-lived and shown on a screen, so kept as is. */
    userCode: text("user_code").notNull(),
    clientId: text("client_id").notNull(),
    /** pending | approved | denied | redeemed */
    status: text("status").notNull(),
    expiresAt: at("expires_at").notNull(),
    intervalSec: integer("interval_sec").notNull(),
    lastPolledAt: at("last_polled_at"),
    deviceName: text("device_name").notNull(),
    userAgent: text("user_agent"),
    ip: text("ip"),
    createdAt: at("created_at").notNull(),
    accountId: uuid("account_id").references(() => account.id, { onDelete: "cascade" }),
    profileId: uuid("profile_id").references(() => profile.id, { onDelete: "set null" }),
    decidedAt: at("decided_at"),
    /** The session the redemption created (no foreign key: it is named before it is inserted). */
    sessionId: text("session_id"),
  },
  (t) => [
    // A code on screen must lead to one flow; finished flows free their code.
    uniqueIndex("tv_code_pending_user_code_key").on(t.userCode).where(sql`status = 'pending'`),
    index("tv_code_user_code_idx").on(t.userCode, t.createdAt),
  ],
);
// ---- Two-step verification, passkeys, re-authentication and profile lock ----

export const mfaTotp = pgTable("mfa_totp", {
  /** One authenticator app per account; a set-up not yet confirmed has no enabled_at. */
  accountId: uuid("account_id")
    .primaryKey()
    .references(() => account.id, { onDelete: "cascade" }),
  /** AES-256-GCM under a server key (iv.ciphertext.tag, base64url): it must be read back. */
  secretEncrypted: text("secret_encrypted").notNull(),
  enabledAt: at("enabled_at"),
  /** The last time step a code was accepted for: that step and earlier ones are refused. */
  lastUsedStep: bigint("last_used_step", { mode: "number" }),
  createdAt: at("created_at").notNull(),
});

export const backupCode = pgTable(
  "backup_code",
  {
    id: uuid("id").primaryKey(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => account.id, { onDelete: "cascade" }),
    /** HMAC-SHA-256 (hex) under a server key. */
    codeHash: text("code_hash").notNull(),
    usedAt: at("used_at"),
    createdAt: at("created_at").notNull(),
  },
  (t) => [uniqueIndex("backup_code_account_hash_key").on(t.accountId, t.codeHash)],
);

export const passkey = pgTable(
  "passkey",
  {
    /** The WebAuthn credential id, base64url. */
    id: text("id").primaryKey(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => account.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** COSE public key, base64url. */
    publicKey: text("public_key").notNull(),
    counter: bigint("counter", { mode: "number" }).notNull().default(0),
    transports: jsonb("transports").notNull().default([]),
    createdAt: at("created_at").notNull(),
    lastUsedAt: at("last_used_at"),
  },
  (t) => [index("passkey_account_idx").on(t.accountId)],
);

/**
 * Short-lived sign-in flows: a two-step challenge after the password, or a WebAuthn ceremony
 * (adding a passkey, signing in with one). Redeemed by one conditional update.
 */
export const authFlow = pgTable(
  "auth_flow",
  {
    id: uuid("id").primaryKey(),
    kind: text("kind").notNull(),
    accountId: uuid("account_id").references(() => account.id, { onDelete: "cascade" }),
    /** SHA-256 (hex) of the handle the client holds (the opaque challenge, or the WebAuthn challenge). */
    handleHash: text("handle_hash").notNull().unique("auth_flow_handle_key"),
    /** The WebAuthn challenge (base64url) a passkey must sign; not secret. */
    webauthnChallenge: text("webauthn_challenge"),
    status: text("status").notNull(),
    attempts: integer("attempts").notNull().default(0),
    details: jsonb("details").notNull().default({}),
    expiresAt: at("expires_at").notNull(),
    createdAt: at("created_at").notNull(),
  },
  (t) => [index("auth_flow_expires_idx").on(t.expiresAt)],
);

/**
 * Accounts whose passkeys are also the second step after a password: a choice of its own, since a
 * passkey is first another way to sign in (see core/mfa/two-step-state.ts).
 */
export const passkeySecondStep = pgTable("passkey_second_step", {
  accountId: uuid("account_id")
    .primaryKey()
    .references(() => account.id, { onDelete: "cascade" }),
  since: at("since").notNull(),
});

export const profileLockSetting = pgTable("profile_lock_setting", {
  accountId: uuid("account_id")
    .primaryKey()
    .references(() => account.id, { onDelete: "cascade" }),
  /** Adding a profile needs the PIN of the account's first locked profile (see core/profiles/profile-lock.ts). */
  requirePinToAddProfiles: boolean("require_pin_to_add_profiles").notNull().default(false),
  /** Leaving any Kids profile asks for the account password (see core/profiles/exit-kids.ts). */
  askPasswordToExitKids: boolean("ask_password_to_exit_kids").notNull().default(false),
});

/**
 * A code asked for by address (a sign-in code, a password reset): one row per request, so no
 * request or guess touches another's code. The account is looked up only when the message
 * goes out, off the request path, so asking answers alike whether or not the address has one.
 */
export const codeFlow = pgTable(
  "code_flow",
  {
    /** The flow id the requester holds; completing names it with the code. */
    id: uuid("id").primaryKey(),
    /** sign_in | password_reset */
    purpose: text("purpose").notNull(),
    /** email | sms: how the code goes out. */
    channel: text("channel").notNull(),
    /** What was asked for: a case-folded email or an E.164 number. */
    address: text("address").notNull(),
    /** Set when the code goes out to this account's address or verified phone. */
    accountId: uuid("account_id").references(() => account.id, { onDelete: "cascade" }),
    /** HMAC-SHA-256 (hex) of the code, or of the link's secret, under a server key. */
    codeHash: text("code_hash").notNull(),
    /** requested | sent | withheld | redeemed | retired */
    status: text("status").notNull(),
    attempts: integer("attempts").notNull().default(0),
    /** Who asked: the network and device the send budgets key on (a device only as a digest). */
    requester: jsonb("requester").notNull(),
    /** Sign-in from a new device past the account's guess budget: whether its password was right. */
    passwordProven: boolean("password_proven"),
    expiresAt: at("expires_at").notNull(),
    createdAt: at("created_at").notNull(),
  },
  (t) => [index("code_flow_account_purpose_idx").on(t.accountId, t.purpose), index("code_flow_expires_idx").on(t.expiresAt)],
);

// --- Platform services -----------------------------------------------------------
// The platform's services that ask about sessions (OAuth clients of kind `service`).
export const serviceClient = pgTable("service_client", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  /** SHA-256 (hex) of the secret, which is 32 random bytes and shown only once. */
  secretDigest: text("secret_digest").notNull(),
  createdAt: at("created_at").notNull(),
  secretRotatedAt: at("secret_rotated_at"),
});

// Where signed webhooks go. Endpoints from configuration are written here at start
// (source 'config'), so every node and the CLI read one list with its delivery health.
export const webhookEndpoint = pgTable("webhook_endpoint", {
  id: text("id").primaryKey(),
  url: text("url").notNull(),
  /** The signing secret, sealed (AES-256-GCM): it must be read back to sign. */
  secretSealed: text("secret_sealed").notNull(),
  eventTypes: text("event_types").array().notNull(),
  /** config | cli */
  source: text("source").notNull(),
  createdAt: at("created_at").notNull(),
  /** Failed tries since the last delivery; failing_since is when the first of them failed. */
  consecutiveFailures: integer("consecutive_failures").notNull().default(0),
  failingSince: at("failing_since"),
  lastError: text("last_error"),
  lastDeliveredAt: at("last_delivered_at"),
});

// --- Session changes for the platform's verifiers -----------------------------------
// Every change to a session or to what its claims say, one row per account and transaction,
// written and notified by triggers inside the changing transaction (migration 0006). Verifiers
// in the platform's services drop their cached answers for the account when they hear of it.
export const sessionChange = pgTable(
  "session_change",
  {
    seq: bigint("seq", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    accountId: uuid("account_id").notNull(),
    at: at("at").notNull().default(sql`clock_timestamp()`),
  },
  (t) => [index("session_change_at_idx").on(t.at)],
);

// Each running node's liveness lease, timed by the database's clock. A node whose lease has
// ended has stopped vouching for its subscribers' caches; one whose lease runs must acknowledge
// every session change before the request that made it is answered.
export const usherNode = pgTable("usher_node", {
  id: text("id").primaryKey(),
  leaseUntil: at("lease_until").notNull(),
  startedAt: at("started_at").notNull().default(sql`clock_timestamp()`),
});

// --- Streams ---------------------------------------------------------------------
// A screen in use: one device's session watching a title as a profile. Live while not ended
// and heartbeating; the plan fixes how many an account may hold at once.
export const stream = pgTable(
  "stream",
  {
    id: text("id").primaryKey(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => account.id, { onDelete: "cascade" }),
    sessionId: text("session_id")
      .notNull()
      .references(() => session.id, { onDelete: "cascade" }),
    profileId: uuid("profile_id").references(() => profile.id, { onDelete: "set null" }),
    titleId: text("title_id").notNull(),
    startedAt: at("started_at").notNull(),
    lastHeartbeatAt: at("last_heartbeat_at").notNull(),
    endedAt: at("ended_at"),
    /** signed_out | stopped_from_another_device | stopped | expired | restricted */
    endedReason: text("ended_reason"),
  },
  (t) => [
    index("stream_account_live_idx").on(t.accountId).where(sql`ended_at is null`),
    // A device's streams, running or ended: what its open screens are told about.
    index("stream_session_idx").on(t.sessionId),
    index("stream_account_started_idx").on(t.accountId, t.startedAt),
    index("stream_ended_idx").on(t.endedAt),
  ],
);
