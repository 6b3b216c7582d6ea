// The lookups every request makes are built once per store, on first use, as named prepared
// statements: no query building in Drizzle, and on PostgreSQL no parse and plan per request.
export function preparedOnce<T>(build: () => T): () => T {
  let query: T | undefined;
  return () => (query ??= build());
}
