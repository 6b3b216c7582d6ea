// One unit of work: a database transaction that commits all of its writes or none, and then,
// only once it has committed, tells the rest of the system what changed and waits for whoever
// must hear it first. A use case never signals by hand, so a signal can neither be forgotten
// nor sent for a change that rolled back.
//
// A use case answers a Result. A failure answered from inside the unit of work rolls it back:
// a refusal half-way through leaves nothing half-written (a consumed code, a stray audit row).
// What a refusal must leave behind — the attempt counters of codes, PINs and two-step
// challenges, and the failure audit rows the brute-force limits read — is written before the
// unit of work opens, in statements of its own that commit whatever the answer.
//
// Audit events and outbox messages are only ever appended, and nothing in a unit reads them
// back: the unit keeps them and writes them all in its last statement before the commit, the
// one that reads the session changes it logged, however many there are.

import type { AuditEventInput } from "./audit/ports";
import type { Clock } from "./clock";
import type { OutboxMessageInput } from "./delivery/ports";
import type { CoreDeps } from "./deps";
import { metricsOf } from "./metrics/ports";
import type { Stores } from "./ports";
import type { ProfilePatch } from "./profiles/ports";
import type { AppendedRows, SessionChange } from "./session-changes/ports";
import type { RevokedReason, SessionRef } from "./sessions/ports";
import { accountEventOf, profileChanged, publishWebhookEvent, sessionRevoked } from "./webhooks/events";

/** The profile's fields that introspection answers name (and the database's trigger watches). */
const claimedFields = ["name", "isKids", "maxRating", "restrictedTitles"] as const satisfies readonly (keyof ProfilePatch)[];

/** What a unit of work announces once it has committed. */
export type AfterCommit = Pick<CoreDeps, "outboxWritten" | "sessionChangesHeard" | "metrics">;

type UnitOfWorkDeps = Pick<CoreDeps, "stores" | "clock"> & AfterCommit;

/**
 * Runs `work` in one transaction. Writing to the outbox wakes delivery after the commit. A
 * change to sessions or their claims, which the database itself notifies to every node's open
 * screens and verifiers, is answered only once the platform's verifiers have heard it. A
 * `{ ok: false }` answer rolls everything back and is answered as it is.
 */
export async function inUnitOfWork<T>(deps: UnitOfWorkDeps, work: (stores: Stores) => Promise<T>): Promise<T> {
  const effects = new PendingEffects();
  const appended = new Appended();
  let answer: T;
  let changes: SessionChange[] = [];
  try {
    answer = await deps.stores.transaction(async (stores) => {
      const result = await work(announcing(stores, deps.clock, effects, appended));
      if (isFailure(result)) throw new RolledBack(result);
      changes = await stores.sessionChanges.loggedInThisTransaction(appended);
      // A signed-out device stops watching with the sign-out, whichever way it was signed out.
      if (changes.length > 0) await stores.streams.endSignedOut([...new Set(changes.map((c) => c.accountId))], deps.clock.now());
      return result;
    });
  } catch (error) {
    if (error instanceof RolledBack) return error.answer as T;
    throw error;
  }
  effects.run(deps);
  // The platform's verifiers answer from caches: the change is not answered before they heard it.
  if (changes.length > 0) await deps.sessionChangesHeard(changes);
  return answer;
}

function isFailure(value: unknown): boolean {
  return typeof value === "object" && value !== null && (value as { ok?: unknown }).ok === false;
}

/** Carries a failure answer out of the transaction, which rolls back on the way. */
class RolledBack extends Error {
  constructor(readonly answer: unknown) {
    super("unit of work rolled back on a failure answer");
  }
}

/** The audit events and outbox messages a unit (or one of its savepoints) appended. */
class Appended implements AppendedRows {
  readonly audit: AuditEventInput[] = [];
  readonly outbox: OutboxMessageInput[] = [];

  /** A released savepoint's rows are its unit's. */
  take(savepoint: Appended): void {
    this.audit.push(...savepoint.audit);
    this.outbox.push(...savepoint.outbox);
  }
}

class PendingEffects {
  private outbox = false;
  /** Counted once committed: a rolled-back sign-out ended nothing. */
  private readonly ended = new Map<RevokedReason, number>();

  outboxWritten(): void {
    this.outbox = true;
  }

  sessionsEnded(reason: RevokedReason, count: number): void {
    if (count > 0) this.ended.set(reason, (this.ended.get(reason) ?? 0) + count);
  }

  run(deps: AfterCommit): void {
    if (this.outbox) deps.outboxWritten();
    for (const [reason, count] of this.ended) metricsOf(deps).sessionsEnded(reason, count);
  }
}

/**
 * The same stores, noting the writes that must be announced after the commit, publishing the
 * webhook events of the changes they make inside the transaction, and keeping the rows appended
 * to the audit log and the outbox for the unit's last statement.
 */
function announcing(stores: Stores, clock: Clock, effects: PendingEffects, appended: Appended): Stores {
  const { sessions, profiles, audit, outbox } = stores;
  /** The live sessions watching as this profile: their claims name it. */
  const watchingAs = async (accountId: string, profileId: string) =>
    (await sessions.listLive(accountId, clock.now())).filter((session) => session.profileId === profileId);
  const announced: Stores = {
    ...stores,
    sessions: {
      ...sessions,
      async revoke(session: SessionRef, at: Date, reason: RevokedReason) {
        const revoked = await sessions.revoke(session, at, reason);
        if (revoked) {
          effects.sessionsEnded(reason, 1);
          await publishWebhookEvent(announced, sessionRevoked(session, at, reason));
        }
        return revoked;
      },
      async revokeAllForAccount(accountId: string, at: Date, reason: RevokedReason, exceptSessionId?: string) {
        const ended = await sessions.revokeAllForAccount(accountId, at, reason, exceptSessionId);
        effects.sessionsEnded(reason, ended.length);
        for (const id of ended) await publishWebhookEvent(announced, sessionRevoked({ id, accountId }, at, reason));
        return ended;
      },
      async setProfile(session: SessionRef, profileId: string) {
        await sessions.setProfile(session, profileId);
        await publishWebhookEvent(announced, profileChanged(session, profileId, clock.now()));
      },
    },
    profiles: {
      ...profiles,
      // A profile's name, Kids flag and what it may watch are claims of every session watching as it.
      async update(accountId: string, profileId: string, patch: ProfilePatch) {
        const updated = await profiles.update(accountId, profileId, patch);
        if (typeof updated === "object" && claimedFields.some((field) => patch[field] !== undefined)) {
          for (const session of await watchingAs(accountId, profileId))
            await publishWebhookEvent(announced, profileChanged(session, profileId, clock.now()));
        }
        return updated;
      },
      async delete(accountId: string, profileId: string) {
        const watching = await watchingAs(accountId, profileId);
        const deleted = await profiles.delete(accountId, profileId);
        if (deleted) for (const session of watching) await publishWebhookEvent(announced, profileChanged(session, null, clock.now()));
        return deleted;
      },
    },
    audit: {
      ...audit,
      async record(event: AuditEventInput) {
        appended.audit.push(event);
        const announcement = accountEventOf(event);
        if (announcement) await publishWebhookEvent(announced, announcement);
      },
    },
    outbox: {
      ...outbox,
      async enqueue(message: OutboxMessageInput) {
        appended.outbox.push(message);
        effects.outboxWritten();
      },
    },
    // A nested unit is a savepoint of this one: its writes announce with this one's commit, and
    // its appended rows are written with this one's only if it was released, not rolled back.
    async transaction(work) {
      const savepoint = new Appended();
      const answer = await stores.transaction((inner) => work(announcing(inner, clock, effects, savepoint)));
      appended.take(savepoint);
      return answer;
    },
  };
  return announced;
}
