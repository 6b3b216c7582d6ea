// A page's cursor: the last row's (time, id), opaque to clients. The stores hand the time to a
// timestamptz column and the id to a key column, so a look-alike must stop here: PostgreSQL has
// no year 0 and cannot read the six-digit years toISOString writes past 9999, though JS dates
// reach both.

export const encodeCursor = (at: Date, id: string): string => Buffer.from(`${at.toISOString()}|${id}`).toString("base64url");

/** The (time, id) a cursor from encodeCursor names, with an id of this shape; null for anything else. */
export function decodeCursor(cursor: string, idShape: RegExp): { at: Date; id: string } | null {
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  if (at === undefined || id === undefined || !idShape.test(id)) return null;
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return null;
  const year = date.getUTCFullYear();
  if (year < 1 || year > 9999) return null;
  // Exactly what encodeCursor writes: nothing appended, no other spelling of the time.
  return encodeCursor(date, id) === cursor ? { at: date, id } : null;
}
