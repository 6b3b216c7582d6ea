import { describe, expect, it } from "vitest";
import { workSlots } from "./work-slots";

/** A task that starts, records how many run at once, and ends when told to. */
function gatedTasks() {
  let running = 0;
  let most = 0;
  const started: number[] = [];
  const gates: Array<() => void> = [];
  const task =
    (n: number, fail = false) =>
    async () => {
      running++;
      most = Math.max(most, running);
      started.push(n);
      await new Promise<void>((resolve) => gates.push(resolve));
      running--;
      if (fail) throw new Error(`task ${n} failed`);
      return n;
    };
  const openNext = async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
    gates.shift()?.();
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { task, started, openNext, most: () => most };
}

describe("work slots", () => {
  it("runs at most as many tasks at once as it has slots, in the order they asked", async () => {
    const slot = workSlots(2);
    const { task, started, openNext, most } = gatedTasks();

    const results = Promise.all([1, 2, 3, 4, 5].map((n) => slot(task(n))));
    for (let i = 0; i < 5; i++) await openNext();

    expect(await results).toEqual([1, 2, 3, 4, 5]);
    expect(started).toEqual([1, 2, 3, 4, 5]);
    expect(most()).toBe(2);
  });

  it("frees the slot of a task that failed", async () => {
    const slot = workSlots(1);
    const { task, openNext } = gatedTasks();

    const failed = slot(task(1, true)).catch((error: Error) => error.message);
    const next = slot(task(2));
    await openNext();
    await openNext();

    expect(await failed).toBe("task 1 failed");
    expect(await next).toBe(2);
  });

  it("says how many tasks wait for a slot", async () => {
    const slot = workSlots(1);
    const { task, openNext } = gatedTasks();

    const results = Promise.all([1, 2, 3].map((n) => slot(task(n))));
    await openNext();
    expect(slot.waiting).toBe(1);
    await openNext();
    await openNext();

    expect(await results).toEqual([1, 2, 3]);
    expect(slot.waiting).toBe(0);
  });

  it("refuses a slot count that is not a positive integer", () => {
    expect(() => workSlots(0)).toThrow(RangeError);
    expect(() => workSlots(1.5)).toThrow(RangeError);
  });
});
