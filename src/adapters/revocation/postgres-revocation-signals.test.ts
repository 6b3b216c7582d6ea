// The PostgreSQL revocation signals between two "nodes" (two notifiers on one database): a
// publish on one is heard on both, and a listener whose connection is killed comes back.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, postgresAdminUrl, type TestDatabase } from "../../../test/support/databases";
import { PostgresRevocationSignals } from "./postgres-revocation-signals";

async function postgresIsReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: postgresAdminUrl, connectionTimeoutMillis: 3_000 });
  client.on("error", () => {});
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

const reachable = await postgresIsReachable();
if (!reachable) {
  if (process.env.CI) throw new Error(`PostgreSQL at ${postgresAdminUrl} cannot be reached; CI must prove LISTEN/NOTIFY on it.`);
  console.warn(`Skipping the PostgreSQL revocation-signal tests: no PostgreSQL at ${postgresAdminUrl}.`);
}

/** Resolves with the next account id `signals` hears (rejects after `ms`). */
function nextSignal(signals: PostgresRevocationSignals, ms = 2_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`no signal within ${ms} ms`));
    }, ms);
    const unsubscribe = signals.subscribe((accountId) => {
      clearTimeout(timer);
      unsubscribe();
      resolve(accountId);
    });
  });
}

describe.skipIf(!reachable)("PostgreSQL revocation signals", () => {
  let database: TestDatabase;
  let nodeA: PostgresRevocationSignals;
  let nodeB: PostgresRevocationSignals;
  const warnings: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase("postgres");
    const log = { warn: (_d: Record<string, unknown>, message: string) => void warnings.push(message), info: () => {} };
    const options = { url: database.url!, db: database.database.db, log, reconnect: { initialMs: 50, maxMs: 500 } };
    nodeA = await PostgresRevocationSignals.connect(options);
    nodeB = await PostgresRevocationSignals.connect(options);
  });

  afterAll(async () => {
    await nodeA?.close();
    await nodeB?.close();
    await database?.drop();
  });

  it("delivers a publish on one node to the listeners of every node, itself included", async () => {
    const heardOnB = nextSignal(nodeB);
    const heardOnA = nextSignal(nodeA);
    nodeA.publish("0b9f4c1e-5a0e-4f3b-9d59-2f6c2f1b8a10");
    expect(await heardOnB).toBe("0b9f4c1e-5a0e-4f3b-9d59-2f6c2f1b8a10");
    expect(await heardOnA).toBe("0b9f4c1e-5a0e-4f3b-9d59-2f6c2f1b8a10");
  });

  it("stops calling a listener once it unsubscribes", async () => {
    const heard: string[] = [];
    const unsubscribe = nodeB.subscribe((accountId) => heard.push(accountId));
    expect(nodeB.listenerCount()).toBe(1);
    unsubscribe();
    expect(nodeB.listenerCount()).toBe(0);
    const stillHeard = nextSignal(nodeB);
    nodeA.publish("after-unsubscribe");
    await stillHeard;
    expect(heard).toEqual([]);
  });

  it("listens again after its connection is killed, tells its listeners they may have missed signals, and hears the next one", async () => {
    const pidBefore = nodeB.listenerPid;
    expect(pidBefore).toEqual(expect.any(Number));
    let missed = 0;
    const unsubscribe = nodeB.subscribe(
      () => {},
      () => {
        missed += 1;
      },
    );

    const admin = new pg.Client({ connectionString: database.url! });
    await admin.connect();
    const { rows } = await admin.query<{ killed: boolean }>("select pg_terminate_backend($1) as killed", [pidBefore]);
    await admin.end();
    expect(rows[0]?.killed).toBe(true);

    const deadline = Date.now() + 5_000;
    while ((nodeB.listenerPid === null || nodeB.listenerPid === pidBefore || missed === 0) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(nodeB.listenerPid).not.toBe(pidBefore);
    expect(missed).toBe(1);
    expect(warnings.some((warning) => /connection lost/.test(warning))).toBe(true);

    const heard = nextSignal(nodeB);
    nodeA.publish("d3c6a1f2-7e1b-4c4d-8a55-0e1f2a3b4c5d");
    expect(await heard).toBe("d3c6a1f2-7e1b-4c4d-8a55-0e1f2a3b4c5d");
    unsubscribe();
  });

  it("never fails the caller when publishing fails: it logs and carries on", async () => {
    const broken = await createTestDatabase("postgres");
    const failures: Record<string, unknown>[] = [];
    const signals = await PostgresRevocationSignals.connect({
      url: broken.url!,
      db: broken.database.db,
      log: { warn: (details) => void failures.push(details), info: () => {} },
    });
    await broken.database.close();
    expect(() => signals.publish("0b9f4c1e-5a0e-4f3b-9d59-2f6c2f1b8a10")).not.toThrow();
    const deadline = Date.now() + 2_000;
    while (failures.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(failures.length).toBeGreaterThan(0);
    expect(JSON.stringify(failures)).not.toContain("0b9f4c1e");
    await signals.close();
    // Its connections were closed above, so closing them again fails; the database is dropped all the same.
    await broken.drop().catch(() => {});
  });
});
