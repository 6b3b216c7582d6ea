// Several nodes deliver one outbox: two dispatchers, each with its own connection pool on the
// same PostgreSQL database, drain 300 messages at once. Every message is delivered exactly
// once (a claim skips what another node holds, and a lease keeps it out of later claims).
import { afterAll, beforeAll, expect, it } from "vitest";
import { systemClock } from "../../src/core/clock";
import { createDispatcher, type Dispatcher, defaultDispatcherOptions } from "../../src/core/delivery/dispatcher";
import type { Senders } from "../../src/core/delivery/senders";
import { createRenderer } from "../../src/core/delivery/templates/render";
import { type OpenDatabase, openDatabase } from "../../src/store/database";
import { createStores } from "../../src/store/stores";
import { createTestDatabase, type TestDatabase } from "../support/databases";

const MESSAGES = 300;
let database: TestDatabase;
const pools: OpenDatabase[] = [];

beforeAll(async () => {
  database = await createTestDatabase("postgres");
  for (let i = 0; i < 2; i++) pools.push(await openDatabase({ kind: "postgres", url: database.url!, poolSize: 4 }));
}, 60_000);
afterAll(async () => {
  for (const pool of pools) await pool.close();
  await database?.drop();
});

it("delivers each message exactly once when two nodes dispatch the same outbox", async () => {
  const writer = createStores(database.database.db);
  const now = systemClock.now();
  for (let i = 0; i < MESSAGES; i++) {
    await writer.outbox.enqueue({
      channel: "sms",
      recipient: "+14155550100",
      template: "phone_verification",
      payload: { code: String(100_000 + i) },
      createdAt: now,
    });
  }

  const deliveries = new Map<string, string[]>();
  const node = (name: string, pool: OpenDatabase): Dispatcher => {
    const senders: Senders = {
      email: { send: async () => {} },
      sms: {
        async send(sms) {
          // A provider that takes a moment, so the two nodes' claims interleave.
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 4));
          const code = /\d{6}/.exec(sms.text)![0];
          deliveries.set(code, [...(deliveries.get(code) ?? []), name]);
        },
      },
    };
    return createDispatcher(
      { stores: createStores(pool.db), clock: systemClock, senders, render: createRenderer({ publicUrl: "https://watch.example" }) },
      { ...defaultDispatcherOptions, batchSize: 5 },
    );
  };
  const nodes = [node("A", pools[0]!), node("B", pools[1]!)];
  for (const d of nodes) d.wake();
  await Promise.all(nodes.map((d) => d.idle()));

  expect(deliveries.size).toBe(MESSAGES);
  const twice = [...deliveries].filter(([, by]) => by.length !== 1);
  expect(twice).toEqual([]);
  const byNode = (name: string) => [...deliveries.values()].filter((by) => by[0] === name).length;
  expect(byNode("A")).toBeGreaterThan(0);
  expect(byNode("B")).toBeGreaterThan(0);
  const rows = await writer.outbox.listRecent(MESSAGES + 1);
  expect(rows.filter((m) => m.sentAt !== null && m.attempts === 1)).toHaveLength(MESSAGES);
}, 60_000);
