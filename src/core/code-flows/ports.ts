// What codes and links sent to prove an address need stored: sign-in codes and password
// resets (code flows, asked for by address), and the one-time codes of phone and email checks.
import type { MessageChannel } from "../delivery/ports";

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

export interface OneTimeCodeStore {
  /** Stores a new code and retires any unused one of the same purpose for the account. */
  replace(code: OneTimeCodeRecord): Promise<void>;
  findActive(accountId: string, purpose: CodePurpose): Promise<OneTimeCodeRecord | null>;
  /** Counts one attempt (made before comparing, so racing guesses are all counted); answers the new count. */
  recordAttempt(id: string): Promise<number>;
  /** Marks the code used if nobody has yet: answers true for exactly one caller. */
  consume(id: string, at: Date): Promise<boolean>;
}

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
  /** The asking request's id, for the audit row written when the code goes out (absent when none was recorded). */
  requestId?: string | null;
}

export interface CodeFlowRecord {
  id: string;
  purpose: CodeFlowPurpose;
  channel: MessageChannel;
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
  /** Deletes every flow asked for by these addresses, whoever's they turned out to be. Answers how many. */
  eraseAddressedTo(addresses: readonly string[]): Promise<number>;
}
