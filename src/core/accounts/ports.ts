// What account use cases need stored: the account row.
import type { Language } from "../../contract/languages";
import type { plans } from "../../contract/schemas/account";
import type { TwoStepState } from "../mfa/two-step-facts";

/** The plans the API names (contract/schemas/account.ts). */
export type Plan = (typeof plans)[number];

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
  /** Set by support: no sign-in of any kind while set (see support/lock-account.ts). */
  lockedAt: Date | null;
  lockedReason: string | null;
  /** The language of the account's emails and texts. */
  language: Language;
  /** The IANA time zone its emails and texts give times in. */
  timeZone: string;
}

export interface AccountStore {
  /** Answers false when the email is already taken. */
  create(account: AccountRecord): Promise<boolean>;
  findById(id: string): Promise<AccountRecord | null>;
  findByEmail(email: string): Promise<AccountRecord | null>;
  /** The account a sign-in names, with where it stands on two-step verification: one read. */
  findForSignIn(email: string): Promise<{ account: AccountRecord; twoStep: TwoStepState } | null>;
  /** Every account holding this number, verified or not (support looks accounts up by phone). */
  findByPhone(e164: string): Promise<AccountRecord[]>;
  /** Holds the account row until the transaction ends, so per-account limits don't race. */
  lockForUpdate(id: string): Promise<void>;
  /** Locks (with the time and the reason support gave) or unlocks; false when there is no such account. */
  setLock(id: string, lock: { at: Date; reason: string } | null): Promise<boolean>;
  /** Deletes the account and, by cascade, everything that names it; false when it was already gone. */
  delete(id: string): Promise<boolean>;
  updatePassword(id: string, passwordHash: string, changedAt: Date): Promise<void>;
  /** Changes only whether the account gets text messages. */
  setSmsOptIn(id: string, smsOptIn: boolean): Promise<void>;
  setPlan(id: string, plan: Plan): Promise<void>;
  setLanguageAndTimeZone(id: string, settings: { language: Language; timeZone: string }): Promise<void>;
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
