// Coalesces the lookups that concurrent requests make into single statements: under load, one
// round trip to the database serves many requests. One statement is out at a time: the lookups
// asked while it runs wait for it to answer and then go out together in the next one, so the
// busier the node, the more requests each statement serves (and the fewer statements the
// database and the node's socket see).
//
// A lookup never joins a statement that has already been sent. It always waits for one sent
// after it was asked for, so it sees every change committed before it was asked for: a
// session revoked before a request arrived is read as revoked. That is the revocation promise,
// and it is why this is a batch and not a cache.
export const MAX_BATCH = 200;

interface Waiter<V> {
  resolve(value: V | undefined): void;
  reject(error: unknown): void;
}

/**
 * `load` answers the rows found for a set of distinct keys; a key it leaves out resolves to
 * `undefined`. A failed statement rejects every lookup of its batch.
 */
export function batchedLookup<K, V>(load: (keys: K[]) => Promise<Map<K, V>>): (key: K) => Promise<V | undefined> {
  let waiting = new Map<K, Waiter<V>[]>();
  let flushScheduled = false;
  let sending = false;

  const send = async (batch: Map<K, Waiter<V>[]>) => {
    try {
      const found = await load([...batch.keys()]);
      for (const [key, waiters] of batch) for (const waiter of waiters) waiter.resolve(found.get(key));
    } catch (error) {
      for (const waiters of batch.values()) for (const waiter of waiters) waiter.reject(error);
    }
  };

  const flush = () => {
    flushScheduled = false;
    if (waiting.size === 0 || sending) return;
    const batch = waiting;
    waiting = new Map();
    sending = true;
    void send(batch).finally(() => {
      sending = false;
      // What was asked for meanwhile goes out next, with what the rest of this turn asks.
      if (waiting.size > 0) scheduleFlush();
    });
  };

  // After the poll phase: every request whose bytes arrived in this turn has asked by then.
  const scheduleFlush = () => {
    if (flushScheduled) return;
    flushScheduled = true;
    setImmediate(flush);
  };

  return (key) =>
    new Promise<V | undefined>((resolve, reject) => {
      const waiters = waiting.get(key);
      if (waiters) waiters.push({ resolve, reject });
      else waiting.set(key, [{ resolve, reject }]);
      if (waiting.size >= MAX_BATCH) {
        // A full batch goes out at once, even beside the statement still out: statements stay small.
        const batch = waiting;
        waiting = new Map();
        void send(batch);
      } else if (!sending) scheduleFlush();
    });
}
