// What two-step verification and passkeys need stored: authenticator apps, backup codes,
// passkeys and the flows of sign-ins and registrations in progress.

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
  consumeStep(accountId: string, step: number): Promise<boolean>;
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
  /** Whether the account asks for a passkey after the password (its passkeys are a second step). */
  isSecondStep(accountId: string): Promise<boolean>;
  /** Makes them a second step from `since`, or not (null). False when that was already so. */
  setSecondStep(accountId: string, since: Date | null): Promise<boolean>;
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
