// A fixed number of slots for expensive work: a task starts when a slot is free, in the
// order tasks asked, and frees its slot however it ends.
export type Slot = <T>(task: () => Promise<T>) => Promise<T>;

export function workSlots(slots: number): Slot {
  if (!Number.isInteger(slots) || slots < 1) throw new RangeError(`slots must be a positive integer, got ${slots}`);
  let running = 0;
  const queue: Array<() => void> = [];

  const release = () => {
    const next = queue.shift();
    if (next) next();
    else running--;
  };

  return async (task) => {
    if (running < slots) running++;
    // The slot is handed over directly by release(), so `running` stays counted.
    else await new Promise<void>((resolve) => queue.push(resolve));
    try {
      return await task();
    } finally {
      release();
    }
  };
}
