// Builds the Stores the domain runs on from one Drizzle database (or transaction). This is how
// the server, the CLI and the tests get their stores.
import type { Stores } from "../../core/ports";
import type { Database } from "../database";
import { createAccountStore } from "./accounts";
import { createAuditStore } from "./audit";
// Two-step verification and passkeys
import { createAuthFlowStore } from "./auth-flows";
import { createBackupCodeStore } from "./backup-codes";
import { createCodeFlowStore } from "./code-flows";
import { createOneTimeCodeStore } from "./one-time-codes";
import { createOutboxStore } from "./outbox";
import { createPasskeyStore } from "./passkeys";
import { createProfileStore } from "./profiles";
import { createRetentionStore } from "./retention";
import { createServiceClientStore } from "./service-clients";
import { createSessionChangeStore } from "./session-changes";
import { createSessionStore } from "./sessions";
import { createStreamStore } from "./streams";
import { createTotpStore } from "./totp";
import { createTvCodeStore } from "./tv-codes";
import { createWebhookEndpointStore } from "./webhook-endpoints";

export function createStores(db: Database): Stores {
  return {
    accounts: createAccountStore(db),
    profiles: createProfileStore(db),
    sessions: createSessionStore(db),
    codes: createOneTimeCodeStore(db),
    audit: createAuditStore(db),
    outbox: createOutboxStore(db),
    // TV sign-in
    tvCodes: createTvCodeStore(db),
    // Two-step verification and passkeys
    totp: createTotpStore(db),
    backupCodes: createBackupCodeStore(db),
    passkeys: createPasskeyStore(db),
    authFlows: createAuthFlowStore(db),
    codeFlows: createCodeFlowStore(db),
    // Platform services
    serviceClients: createServiceClientStore(db),
    webhookEndpoints: createWebhookEndpointStore(db),
    sessionChanges: createSessionChangeStore(db),
    streams: createStreamStore(db),
    retention: createRetentionStore(db),
    // Inside a transaction `db` is the transaction, so a nested call becomes a savepoint.
    transaction: (work) => db.transaction((tx) => work(createStores(tx))),
  };
}
