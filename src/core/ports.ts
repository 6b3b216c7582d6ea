// The stores the domain runs on, one per area; each area's ports.ts says what it needs
// stored. Implementations live in src/store (PGlite / node-postgres) and are proven by one
// contract suite (test/store-contract).
import type { AccountStore } from "./accounts/ports";
import type { AuditStore } from "./audit/ports";
import type { CodeFlowStore, OneTimeCodeStore } from "./code-flows/ports";
import type { OutboxStore } from "./delivery/ports";
import type { AuthFlowStore, BackupCodeStore, PasskeyStore, TotpStore } from "./mfa/ports";
import type { ProfileStore } from "./profiles/ports";
import type { RetentionStore } from "./retention/ports";
import type { ServiceClientStore } from "./services/ports";
import type { SessionChangeStore } from "./session-changes/ports";
import type { SessionStore } from "./sessions/ports";
import type { StreamStore } from "./streams/ports";
import type { TvCodeStore } from "./tv-sign-in/ports";
import type { WebhookEndpointStore } from "./webhooks/ports";

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
  // ---- the platform's services ----
  serviceClients: ServiceClientStore;
  webhookEndpoints: WebhookEndpointStore;
  /** What the platform's verifiers must hear of this transaction. */
  sessionChanges: SessionChangeStore;
  /** The screens an account is watching on. */
  streams: StreamStore;
  /** What the retention purge deletes, one node at a time. */
  retention: RetentionStore;
  /**
   * Runs `work` in one database transaction: it commits when `work` resolves and rolls back
   * when it throws. Use cases go through core's inUnitOfWork, which also rolls back on a
   * failure answer and announces what committed.
   */
  transaction<T>(work: (stores: Stores) => Promise<T>): Promise<T>;
}
