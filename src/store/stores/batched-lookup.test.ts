import { describe, expect, it } from "vitest";
import { batchedLookup, MAX_BATCH } from "./batched-lookup";

/**
 * A lookup over a table that records every batch it was sent. Like a statement, it reads the
 * table when it is sent, and answers only when `releaseAll` is called.
 */
function recordingLoad(table: Map<string, number>) {
  const batches: string[][] = [];
  const releases: Array<() => void> = [];
  const load = (keys: string[]) => {
    batches.push(keys);
    const snapshot = new Map(keys.filter((k) => table.has(k)).map((k) => [k, table.get(k)!]));
    return new Promise<Map<string, number>>((resolve) => releases.push(() => resolve(snapshot)));
  };
  const releaseAll = () => {
    for (const release of releases.splice(0)) release();
  };
  return { load, batches, releaseAll };
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
const afterTurns = async (turns: number) => {
  for (let turn = 0; turn < turns; turn++) await nextTurn();
};

describe("batched lookup", () => {
  it("sends the lookups of one turn as one batch of distinct keys and answers each its own row", async () => {
    const { load, batches, releaseAll } = recordingLoad(
      new Map([
        ["a", 1],
        ["b", 2],
      ]),
    );
    const find = batchedLookup(load);

    const answers = Promise.all([find("a"), find("b"), find("a"), find("missing")]);
    await nextTurn();
    releaseAll();

    expect(await answers).toEqual([1, 2, 1, undefined]);
    expect(batches).toEqual([["a", "b", "missing"]]);
  });

  it("never adds a lookup to a batch already sent", async () => {
    const table = new Map([["a", 1]]);
    const { load, batches, releaseAll } = recordingLoad(table);
    const find = batchedLookup(load);

    const first = find("a");
    await nextTurn(); // the first batch is out and has not answered yet
    table.set("a", 2); // a change committed while it runs
    const second = find("a");
    await nextTurn();
    releaseAll();
    expect(await first).toBe(1);
    await afterTurns(2); // the second goes out once the first has answered
    releaseAll();

    expect(batches).toEqual([["a"], ["a"]]);
    expect(await second).toBe(2);
  });

  it("keeps one statement out at a time: what is asked meanwhile goes out together in the next", async () => {
    const { load, batches, releaseAll } = recordingLoad(new Map([["a", 1]]));
    const find = batchedLookup(load);

    const first = find("a");
    await nextTurn();
    const meanwhile = [find("b"), find("a")];
    await nextTurn();
    const later = find("c");
    await nextTurn();
    expect(batches).toEqual([["a"]]);

    releaseAll();
    await first;
    await afterTurns(2);
    expect(batches).toEqual([["a"], ["b", "a", "c"]]);
    releaseAll();
    expect(await Promise.all([...meanwhile, later])).toEqual([undefined, 1, undefined]);
  });

  it(`sends a batch as soon as it holds ${MAX_BATCH} keys`, async () => {
    const { load, batches, releaseAll } = recordingLoad(new Map());
    const find = batchedLookup(load);

    const answers = Promise.all(Array.from({ length: MAX_BATCH + 1 }, (_, i) => find(`k${i}`)));
    expect(batches).toHaveLength(1);
    expect(batches[0]).toHaveLength(MAX_BATCH);
    await nextTurn();
    releaseAll();
    await answers;
    expect(batches.map((b) => b.length)).toEqual([MAX_BATCH, 1]);
  });

  it("rejects every lookup of a batch whose statement failed, and serves the next batch", async () => {
    let fail = true;
    const find = batchedLookup(async (keys: string[]) => {
      if (fail) throw new Error("connection lost");
      return new Map(keys.map((k) => [k, k.length]));
    });

    const failed = [find("a"), find("bb")].map((p) => p.catch((error: Error) => error.message));
    expect(await Promise.all(failed)).toEqual(["connection lost", "connection lost"]);
    fail = false;
    expect(await find("ccc")).toBe(3);
  });
});
