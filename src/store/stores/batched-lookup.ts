// Coalesces the lookups that concurrent requests make in one turn of the event loop into a
// single statement: under load, one round trip to the database serves many requests.
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
  let waiting: Map<K, Waiter<V>[]> | null = null;

  const send = async (batch: Map<K, Waiter<V>[]>) => {
    try {
      const found = await load([...batch.keys()]);
      for (const [key, waiters] of batch) for (const waiter of waiters) waiter.resolve(found.get(key));
    } catch (error) {
      for (const waiters of batch.values()) for (const waiter of waiters) waiter.reject(error);
    }
  };

  const flush = () => {
    const batch = waiting;
    waiting = null;
    if (batch) void send(batch);
  };

  return (key) =>
    new Promise<V | undefined>((resolve, reject) => {
      if (!waiting) {
        waiting = new Map();
        // After the poll phase: every request whose bytes arrived in this turn has asked by then.
        setImmediate(flush);
      }
      const waiters = waiting.get(key);
      if (waiters) waiters.push({ resolve, reject });
      else waiting.set(key, [{ resolve, reject }]);
      if (waiting.size >= MAX_BATCH) flush();
    });
}
