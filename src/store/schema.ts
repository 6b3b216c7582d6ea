// The database, as Drizzle sees it. `npm run db:generate` turns changes here into a new SQL
// migration under ./migrations; never edit an applied migration.
import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

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
  },
  (t) => [
    // A number can be verified on one account only; unverified copies may coexist.
    uniqueIndex("account_verified_phone_key").on(t.phoneE164).where(sql`phone_verified_at is not null`),
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
  },
  (t) => [uniqueIndex("profile_account_name_key").on(t.accountId, sql`lower(${t.name})`)],
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
  (t) => [index("session_account_idx").on(t.accountId)],
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
    at: at("at").notNull(),
    details: jsonb("details").notNull().default({}),
  },
  (t) => [index("audit_event_account_at_idx").on(t.accountId, t.at)],
);

export const outbox = pgTable(
  "outbox",
  {
    id: uuid("id").primaryKey(),
    channel: text("channel").notNull(),
    recipient: text("recipient").notNull(),
    template: text("template").notNull(),
    payload: jsonb("payload").notNull(),
    createdAt: at("created_at").notNull(),
    attempts: integer("attempts").notNull().default(0),
    sentAt: at("sent_at"),
    lastError: text("last_error"),
    // Issue 6 (dispatcher): when the message may next be tried. A claim pushes it a lease
    // ahead, so a node that dies mid-send leaves it to another after the lease; a failure
    // sets it by backoff. failed_at ends the retries once the bounded number is spent.
    // The default only fills rows that exist when the column is added.
    nextAttemptAt: at("next_attempt_at").notNull().defaultNow(),
    failedAt: at("failed_at"),
  },
  (t) => [index("outbox_due_idx").on(t.nextAttemptAt).where(sql`sent_at is null and failed_at is null`)],
);
