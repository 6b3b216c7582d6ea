// The domain, for a support command that changes accounts: the database (opened and migrated
// as usher migrate does), Usher's keys, and a waiter that holds the command until every running
// node has made the platform's verifiers drop what a change touched, exactly as a request
// would be held. Outbox messages it writes are sent by the running nodes' dispatchers.
import { createArgon2Hasher } from "../adapters/passwords/argon2-hasher";
import { MemoryRateLimiter } from "../adapters/rate-limit/memory-rate-limiter";
import { ChangeWaiter } from "../adapters/session-changes/change-waiter";
import { listeningConnections } from "../adapters/session-changes/listening-connection";
import { systemClock } from "../core/clock";
import { cryptoRandom } from "../core/crypto/random";
import type { CoreDeps } from "../core/deps";
import type { ServerConfig } from "../server/config";
import { deriveCoreKeys, loadMasterSecret } from "../server/secret-key";
import { refuseEmbeddedInUse } from "./open-stores";

export async function withCore<T>(config: ServerConfig, work: (core: CoreDeps) => Promise<T>): Promise<T> {
  refuseEmbeddedInUse(config);
  const { openDatabase } = await import("../store/database");
  const { migrateDatabase } = await import("../store/migrate");
  const { createStores } = await import("../store/stores");
  const keys = deriveCoreKeys(loadMasterSecret(config));
  const database = await openDatabase(config.database);
  try {
    await migrateDatabase(database);
    const waiter = await ChangeWaiter.start(listeningConnections(database)(), database.db, config.leases);
    try {
      return await work({
        stores: createStores(database.db),
        clock: systemClock,
        random: cryptoRandom,
        config: config.core,
        // Support commands check no password; the hasher is here because the domain's deps name one.
        passwords: createArgon2Hasher(config.argon2, 1),
        limiter: new MemoryRateLimiter(systemClock),
        keys,
        outboxWritten: () => {},
        sessionChangesHeard: (changes) => waiter.heard(changes),
      });
    } finally {
      await waiter.close();
    }
  } finally {
    await database.close();
  }
}
