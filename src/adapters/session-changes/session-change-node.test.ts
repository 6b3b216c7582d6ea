// Two nodes on one PostgreSQL: a change made through either is pushed to both nodes' verifiers
// and waited for, a node that loses its listening connection stops renewing at once and comes
// back in a new epoch, and a node is registered before it takes a subscriber.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminQuery, createTestDatabase, rowsOf, type TestDatabase } from "../../../test/support/databases";
import type { LeaseTimings, SessionChange } from "../../core/session-changes/ports";
import type { SubscriberLink, Subscription } from "../../core/session-changes/subscriber-hub";
import { postgresListeningConnection } from "./listening-connection";
import { SessionChangeNode } from "./session-change-node";

const timings: LeaseTimings = {
  nodeLeaseMs: 3_000,
  nodeRenewMs: 300,
  subscriberLeaseMs: 1_000,
  subscriberRenewMs: 250,
  grantMarginMs: 500,
  driftMs: 100,
};

/** A verifier as the node sees it: the changes pushed to it and the leases it was given. */
class Verifier implements SubscriberLink {
  readonly changes: Array<{ n: number; accountId: string }> = [];
  readonly leases: Array<{ ms: number; epoch: string }> = [];
  #waiters: Array<() => void> = [];
  applied = 0;
  subscription!: Subscription;
  constructor(
    node: SessionChangeNode,
    private readonly applies: boolean,
  ) {
    this.subscription = node.hub.join(this);
  }
  change(n: number, accountId: string): void {
    this.changes.push({ n, accountId });
    if (this.applies) this.apply(n);
    for (const wake of this.#waiters.splice(0)) wake();
  }
  lease(_id: number, ms: number, epoch: string): void {
    this.leases.push({ ms, epoch });
  }
  apply(n: number): void {
    this.applied = n;
    this.subscription.ack(n);
  }
  renew(): { ms: number; epoch: string } {
    this.subscription.renew(this.leases.length + 1, this.applied);
    return this.leases.at(-1)!;
  }
  /** Resolves once a change for `accountId` has been pushed. */
  pushed(accountId: string): Promise<void> {
    if (this.changes.some((change) => change.accountId === accountId)) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push(() => this.pushed(accountId).then(resolve)));
  }
}

describe("SessionChangeNode on PostgreSQL", () => {
  let database: TestDatabase;
  let nodeA: SessionChangeNode;
  let nodeB: SessionChangeNode;

  const start = () =>
    SessionChangeNode.start({
      connect: () => postgresListeningConnection(database.url!),
      db: database.database.db,
      timings,
      reconnect: { initialMs: 50, maxMs: 200 },
    });

  /** Changes a new account's plan (from the default, standard) in a transaction of its own; answers the change it logged. */
  async function changePlan(plan: string): Promise<SessionChange> {
    const accountId = randomUUID();
    await database.database.db.execute(
      sql`insert into account (id, email, password_hash, password_changed_at, created_at)
          values (${accountId}, ${`${accountId}@example.com`}, 'x', now(), now())`,
    );
    await database.database.db.execute(sql`update account set plan = ${plan} where id = ${accountId}`);
    const [row] = await rowsOf<{ seq: string }>(database.database.db, sql`select seq from session_change where account_id = ${accountId}`);
    return { seq: Number(row!.seq), accountId };
  }

  beforeAll(async () => {
    database = await createTestDatabase("postgres");
    nodeA = await start();
    nodeB = await start();
  });

  afterAll(async () => {
    await nodeA?.close();
    await nodeB?.close();
    await database?.drop();
  });

  it("is registered, with a lease by the database's clock, before it takes a subscriber", async () => {
    const rows = await rowsOf<{ id: string; live: boolean }>(
      database.database.db,
      sql`select id, lease_until > clock_timestamp() as live from usher_node`,
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        { id: nodeA.id, live: true },
        { id: nodeB.id, live: true },
      ]),
    );
    expect(nodeA.hub.accepting).toBe(true);
  });

  it("pushes a change to every node's verifiers, and the changing node waits until they applied it", async () => {
    const slow = new Verifier(nodeB, false);
    expect(slow.renew().ms).toBe(timings.subscriberLeaseMs);
    const change = await changePlan("premium");
    let answered = false;
    const waiting = nodeA.heard([change]).then(() => (answered = true));
    await slow.pushed(change.accountId);
    expect(answered).toBe(false);
    slow.apply(slow.changes.at(-1)!.n);
    await waiting;
    slow.subscription.leave();
  });

  it("waits for a verifier that never applies a change until its lease has ended, and no longer", async () => {
    const stopped = new Verifier(nodeB, false);
    stopped.renew();
    const leaseGrantedAt = performance.now();
    const change = await changePlan("basic");
    await nodeA.heard([change]);
    const waited = performance.now() - leaseGrantedAt;
    expect(waited).toBeGreaterThanOrEqual(timings.subscriberLeaseMs);
    expect(waited).toBeLessThan(timings.subscriberLeaseMs + 1_500);
    // It has not applied what was pushed to it: no renewal until it does.
    expect(stopped.renew().ms).toBe(0);
    stopped.apply(stopped.changes.at(-1)!.n);
    expect(stopped.renew().ms).toBe(timings.subscriberLeaseMs);
    stopped.subscription.leave();
  });

  it("stops renewing at once when its listening connection is killed, and comes back in a new epoch", async () => {
    const verifier = new Verifier(nodeB, true);
    const before = verifier.renew();
    const pid = nodeB.listenerPid;
    expect(pid).not.toBeNull();
    await adminQuery(`select pg_terminate_backend(${pid})`);
    await expect.poll(() => nodeB.hub.accepting, { timeout: 5_000, interval: 5 }).toBe(false);
    expect(verifier.renew().ms).toBe(0);
    await expect.poll(() => nodeB.hub.accepting, { timeout: 5_000, interval: 20 }).toBe(true);
    const after = verifier.renew();
    expect(after.ms).toBeGreaterThan(0);
    expect(after.epoch).not.toBe(before.epoch);
    expect(nodeB.listenerPid).not.toBe(pid);
    // Listening again, it hears and acknowledges changes as before.
    const change = await changePlan("premium");
    await nodeA.heard([change]);
    expect(verifier.changes.at(-1)?.accountId).toBe(change.accountId);
    verifier.subscription.leave();
  });
});
