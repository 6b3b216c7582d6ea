// Small builders for store records: every field has a fixed, valid default and a fresh id, so
// a test states only what it is about and tests sharing one database never collide.
import { randomBytes, randomInt, randomUUID } from "node:crypto";
import type { AccountRecord } from "../../src/core/accounts/ports";
import type { AuditEventInput } from "../../src/core/audit/ports";
import type { OneTimeCodeRecord } from "../../src/core/code-flows/ports";
import type { OutboxMessageInput } from "../../src/core/delivery/ports";
import type { ProfileRecord } from "../../src/core/profiles/ports";
import type { SessionRecord } from "../../src/core/sessions/ports";

/** The instant every fixture is built around; tests move from it with `minutes`. */
export const T0 = new Date("2025-03-01T12:00:00.000Z");

export const minutes = (n: number, from: Date = T0): Date => new Date(from.getTime() + n * 60_000);

export function anAccount(overrides: Partial<AccountRecord> = {}): AccountRecord {
  const id = overrides.id ?? randomUUID();
  return {
    id,
    email: `viewer-${id}@example.test`,
    emailVerifiedAt: null,
    passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA",
    passwordChangedAt: T0,
    phoneE164: null,
    phoneVerifiedAt: null,
    smsOptIn: false,
    plan: "standard",
    createdAt: T0,
    lockedAt: null,
    lockedReason: null,
    language: "en",
    timeZone: "UTC",
    ...overrides,
  };
}

export function aProfile(accountId: string, overrides: Partial<ProfileRecord> = {}): ProfileRecord {
  return {
    id: randomUUID(),
    accountId,
    name: "Alex",
    avatar: "ocean",
    isKids: false,
    pinHash: null,
    position: 0,
    createdAt: T0,
    maxRating: overrides.isKids ? "7+" : "18+",
    restrictedTitles: [],
    language: "en",
    ...overrides,
  };
}

export function aSession(accountId: string, overrides: Partial<SessionRecord> = {}): SessionRecord {
  return {
    id: randomBytes(16).toString("base64url"),
    accountId,
    tokenHash: randomBytes(32).toString("hex"),
    profileId: null,
    deviceKind: "web",
    deviceName: "Firefox on Linux",
    userAgent: "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
    ip: "192.0.2.10",
    createdAt: T0,
    lastSeenAt: T0,
    expiresAt: minutes(60 * 24 * 30),
    authenticatedAt: T0,
    aal: 1,
    revokedAt: null,
    revokedReason: null,
    ...overrides,
  };
}

export function aCode(accountId: string, overrides: Partial<OneTimeCodeRecord> = {}): OneTimeCodeRecord {
  return {
    id: randomUUID(),
    accountId,
    purpose: "phone_verification",
    target: "+14155550100",
    codeHash: randomBytes(32).toString("hex"),
    expiresAt: minutes(10),
    attempts: 0,
    usedAt: null,
    createdAt: T0,
    ...overrides,
  };
}

export function anAuditEvent(accountId: string | null, overrides: Partial<AuditEventInput> = {}): AuditEventInput {
  return {
    accountId,
    sessionId: null,
    type: "sign_in",
    ip: "192.0.2.10",
    userAgent: "Firefox on Linux",
    requestId: "lb-7f3a9c.42",
    at: T0,
    details: {},
    ...overrides,
  };
}

export function anOutboxMessage(overrides: Partial<OutboxMessageInput> = {}): OutboxMessageInput {
  return {
    channel: "email",
    recipient: "viewer@example.test",
    accountId: null,
    template: "new_sign_in",
    payload: { device: "Firefox on Linux" },
    createdAt: T0,
    ...overrides,
  };
}

/** A number no other test uses, so the verified-phone index only sees this test's rows. */
export function aPhoneNumber(): string {
  return `+1415${String(randomInt(10_000_000)).padStart(7, "0")}`;
}
