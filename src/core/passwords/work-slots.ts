// A fixed number of slots for expensive work: a task starts when a slot is free, in the
// order tasks asked, and frees its slot however it ends.
export interface Slot {
  <T>(task: () => Promise<T>): Promise<T>;
  /** Tasks waiting for a slot now. */
  readonly waiting: number;
}

export function workSlots(slots: number): Slot {
  if (!Number.isInteger(slots) || slots < 1) throw new RangeError(`slots must be a positive integer, got ${slots}`);
  let running = 0;
  const queue: Array<() => void> = [];

  const release = () => {
    const next = queue.shift();
    if (next) next();
    else running--;
  };

  const slot = async <T>(task: () => Promise<T>): Promise<T> => {
    if (running < slots) running++;
    // The slot is handed over directly by release(), so `running` stays counted.
    else await new Promise<void>((resolve) => queue.push(resolve));
    try {
      return await task();
    } finally {
      release();
    }
  };
  return Object.defineProperty(slot, "waiting", { get: () => queue.length }) as Slot;
}
