// What every domain service receives. Nothing here knows about HTTP or a database driver.
import type { Clock } from "./clock";
import type { CoreConfig } from "./config";
import type { Random } from "./crypto/ports";
import type { SecurityMetrics } from "./metrics/ports";
import type { PasswordHasher } from "./passwords/ports";
import type { Stores } from "./ports";
import type { RateLimiter } from "./rate-limit/ports";
import type { SessionChange } from "./session-changes/ports";

export interface CoreKeys {
  /** Keys the digests of one-time codes. */
  oneTimeCodes: Buffer;
  /** Signs the device cookie that exempts a known browser from account-wide throttling. */
  deviceCookies: Buffer;
  /** AES-256-GCM key for authenticator-app secrets (they must be read back). */
  totpSecrets: Buffer;
  /** Keys the digests of backup codes. */
  backupCodes: Buffer;
  /** Keys the digests of profile PINs (4 digits: a plain hash is reversed by trying them all). */
  profilePins: Buffer;
  /** AES-256-GCM key for webhook signing secrets (they must be read back to sign). */
  webhookSecrets: Buffer;
}

export interface CoreDeps {
  stores: Stores;
  clock: Clock;
  random: Random;
  config: CoreConfig;
  passwords: PasswordHasher;
  limiter: RateLimiter;
  keys: CoreKeys;
  /** Called after a transaction that wrote to the outbox has committed: deliver now. */
  outboxWritten(): void;
  /**
   * Called after a transaction that changed sessions or their claims has committed; the
   * request that made the change is answered once this resolves: when every platform service
   * caching answers has dropped what the change touched, or can no longer answer from its
   * cache. Never rejects.
   */
  sessionChangesHeard(changes: readonly SessionChange[]): Promise<void>;
  /** What the operator's metrics count (sign-ins, ended sessions); nothing when absent. */
  metrics?: SecurityMetrics;
}

/** Who is asking: recorded with sessions and audit events. */
export interface RequestContext {
  ip: string | null;
  userAgent: string | null;
  /**
   * The id the request is logged under, kept on the audit rows it writes so an operator can
   * find one from the other. Absent outside a request (the CLI, background work).
   */
  requestId?: string | null;
  /**
   * The session token the browser presented (its cookie), if any. A new session for this
   * browser replaces it: see sessions/issue-session.ts. Never recorded or logged.
   */
  presentedSession?: string | undefined;
}
