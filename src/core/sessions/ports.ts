// What session use cases need stored: one row per signed-in device.
import type { DeviceKind } from "../../contract/schemas/common";
import type { Plan } from "../accounts/ports";
import type { ProfileRecord } from "../profiles/ports";

export type RevokedReason =
  | "signed_out"
  | "signed_out_all_devices"
  | "password_changed"
  | "signed_out_by_other_device"
  /** The token was replaced by a new one after re-authentication. */
  | "reauthenticated"
  /** The browser signed in again: its new session replaced this one. */
  | "replaced"
  /** Support ended it (usher sessions revoke). */
  | "revoked_by_support"
  /** Support locked the account. */
  | "account_locked"
  /** The account was deleted, by its owner or by support. */
  | "account_deleted";

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
  /** The account's plan: a claim the platform's services read with the session. */
  accountPlan: Plan;
  /** The profile last chosen on this device, if it still exists. */
  profile: ProfileRecord | null;
}

export interface SessionStore {
  /**
   * Writes a new session and holds its account against a lock until the transaction ends. A
   * locked account gets none: `account_locked`, and the transaction can only roll back.
   */
  create(session: SessionRecord): Promise<"created" | "account_locked">;
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
  setProfile(session: SessionRef, profileId: string): Promise<void>;
  /** Ends one live session; false when it was already ended (the first reason is kept). */
  revoke(session: SessionRef, at: Date, reason: RevokedReason): Promise<boolean>;
  /** One statement: every live session of the account, less `exceptSessionId`. Answers the ids it ended. */
  revokeAllForAccount(accountId: string, at: Date, reason: RevokedReason, exceptSessionId?: string): Promise<string[]>;
  /** Sessions neither revoked nor past `expiresAt`, newest activity first. */
  listLive(accountId: string, now: Date): Promise<SessionRecord[]>;
  /** Every session the account still has on record, live or ended, newest first. */
  listForAccount(accountId: string): Promise<SessionRecord[]>;
}
