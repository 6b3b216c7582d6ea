// Core use-case tests call core directly (no HTTP) on a fresh embedded database, a clock
// they move by hand, and after-commit hooks that only record their calls, so a test can say
// what a use case announced and when.

import { createArgon2Hasher } from "../../src/adapters/passwords/argon2-hasher";
import { MemoryRateLimiter } from "../../src/adapters/rate-limit/memory-rate-limiter";
import type { DeviceKind } from "../../src/contract/schemas/common";
import type { AccountRecord } from "../../src/core/accounts/ports";
import { signUp } from "../../src/core/accounts/sign-up";
import { ManualClock } from "../../src/core/clock";
import { type CoreConfig, defaultCoreConfig } from "../../src/core/config";
import { cryptoRandom } from "../../src/core/crypto/random";
import type { CoreDeps, RequestContext } from "../../src/core/deps";
import type { ProfileRecord } from "../../src/core/profiles/ports";
import type { SessionChange } from "../../src/core/session-changes/ports";
import { type IssuedSession, issueSession } from "../../src/core/sessions/issue-session";
import { deriveCoreKeys } from "../../src/server/secret-key";
import { createStores } from "../../src/store/stores";
import { createTestDatabase, type TestDatabase } from "./databases";

/** The calls the unit of work made to the after-commit hooks, since the last `forget()`. */
export interface Announced {
  outboxWritten: number;
  /** Each account whose sessions or claims a committed unit of work changed, in order. */
  accountsChanged: string[];
}

export interface CoreTest {
  deps: CoreDeps;
  clock: ManualClock;
  database: TestDatabase;
  announced: Announced;
  /** Clears the record of announcements, so a test sees only those of what it does next. */
  forget(): void;
  /** Closes and drops the database. */
  /** Every session change a committed unit of work waited for. */
  changesHeard: SessionChange[];
  close(): Promise<void>;
}

/** Cheap argon2id parameters, as the route tests use (test/helper.ts). */
const cheapArgon2 = { memoryKiB: 1024, iterations: 1, parallelism: 1 };

export async function createCoreTest(options: { config?: (config: CoreConfig) => CoreConfig } = {}): Promise<CoreTest> {
  const database = await createTestDatabase("pglite");
  const clock = new ManualClock(new Date("2026-03-02T09:00:00Z"));
  const announced: Announced = { outboxWritten: 0, accountsChanged: [] };
  const changesHeard: SessionChange[] = [];
  const deps: CoreDeps = {
    stores: createStores(database.database.db),
    clock,
    random: cryptoRandom,
    config: options.config ? options.config(structuredClone(defaultCoreConfig)) : defaultCoreConfig,
    passwords: createArgon2Hasher(cheapArgon2),
    limiter: new MemoryRateLimiter(clock),
    keys: deriveCoreKeys(cryptoRandom.bytes(32)),
    outboxWritten: () => void announced.outboxWritten++,
    sessionChangesHeard: async (changes) => {
      changesHeard.push(...changes);
      for (const change of changes) announced.accountsChanged.push(change.accountId);
    },
  };
  return {
    deps,
    clock,
    database,
    announced,
    changesHeard,
    forget() {
      announced.outboxWritten = 0;
      announced.accountsChanged.length = 0;
      changesHeard.length = 0;
    },
    close: () => database.drop(),
  };
}

export const VIEWER_PASSWORD = "violet-kettle-harbour-42";

let viewerCounter = 0;
let ipCounter = 0;

/** A request from an address no other test uses, so per-IP limits never carry over. */
export function freshContext(): RequestContext {
  ipCounter += 1;
  return { ip: `198.18.${(ipCounter >> 8) & 255}.${ipCounter & 255}`, userAgent: "core-test" };
}

export interface Viewer extends IssuedSession {
  account: AccountRecord;
  profiles: ProfileRecord[];
}

/**
 * A new account, signed up on a browser (or the device given) through the real use case.
 * What the sign-up announced is forgotten.
 */
export async function signUpViewer(
  core: CoreTest,
  device: { kind: DeviceKind; name: string } = { kind: "web", name: "Chrome on macOS" },
): Promise<Viewer> {
  viewerCounter += 1;
  const email = `viewer.${process.pid}.${viewerCounter}@example.com`;
  const result = await signUp(core.deps, { email, password: VIEWER_PASSWORD, device }, freshContext());
  if (!result.ok) throw new Error(`sign-up failed: ${result.code}`);
  core.forget();
  const { account, profiles, session, token } = result.value;
  return { account, profiles, session, token };
}

/** Another device of the account, signed in now. */
export async function signInAnotherDevice(
  core: CoreTest,
  accountId: string,
  device: { kind: DeviceKind; name: string } = { kind: "mobile", name: "iPhone" },
): Promise<IssuedSession> {
  return core.deps.stores.transaction((stores) => issueSession(core.deps, stores, { accountId, device, context: freshContext() }));
}

// Events written at one instant of the test's clock come back in no set order: compare these
// lists with toContain, or sorted.

/** The types of the account's audit events. */
export async function auditTypes(core: CoreTest, accountId: string): Promise<string[]> {
  const events = await core.deps.stores.audit.listByAccount(accountId, 1000);
  return events.map((event) => event.type);
}

/** The templates of the outbox's messages to this address. */
export async function outboxTemplates(core: CoreTest, recipient: string): Promise<string[]> {
  const messages = await core.deps.stores.outbox.listRecent(1000);
  return messages.filter((message) => message.recipient === recipient).map((message) => message.template);
}
