// usher purge: one round of the retention purge now, on the configured database, and what it
// removed. The server runs the same round every RETENTION_PURGE_INTERVAL_MINUTES, and takes the
// same turn: while a node is purging, this does nothing and says so.
import { days, systemClock } from "../core/clock";
import type { RetentionConfig } from "../core/config";
import { type PurgeCounts, purgeExpiredData } from "../core/retention/purge";
import { readConfig } from "../server/config";
import { withStores } from "./open-stores";
import { table } from "./output";

const usage = `Usage:
  usher purge           Delete what the retention periods no longer keep, and list what went
  usher purge --json    The same, printed as JSON`;

/** Each line of the table: what it counts, and which period keeps it. */
const kinds: { key: keyof PurgeCounts; what: string; keptBy: keyof RetentionConfig; verb: string }[] = [
  { key: "sessions", what: "sessions, from their end", keptBy: "sessionsMs", verb: "deleted" },
  { key: "streams", what: "streams, from their end", keptBy: "streamsMs", verb: "deleted" },
  { key: "auditEvents", what: "audit events", keptBy: "auditMs", verb: "deleted" },
  { key: "deliveries", what: "webhook deliveries and messages about no account", keptBy: "messagesMs", verb: "deleted" },
  { key: "messagesEmptied", what: "addresses and contents of emails and texts", keptBy: "messagesMs", verb: "emptied" },
  { key: "messageRecords", what: "records that an email or text was sent", keptBy: "auditMs", verb: "deleted" },
];

export async function run(args: string[]): Promise<void> {
  if (args.includes("help") || args.includes("--help")) return void console.log(usage);
  const unknown = args.filter((arg) => arg !== "--json");
  if (unknown.length > 0) throw new Error(`Unknown argument "${unknown[0]}".\n${usage}`);
  const json = args.includes("--json");
  const config = readConfig();
  const retention = config.core.retention;
  const outcome = await withStores(config, (stores) => purgeExpiredData({ stores, clock: systemClock, config: config.core }));
  const keptDays = Object.fromEntries(kinds.map((kind) => [kind.key, retention[kind.keptBy] / days(1)]));

  if (json) return void console.log(JSON.stringify({ ...outcome, keptDays }));
  if (!outcome.purged) return void console.log("Another Usher is purging right now; nothing was deleted here. It does the same work.");
  const rows = kinds.map((kind) => [kind.what, `${keptDays[kind.key]} days`, `${outcome.removed[kind.key]} ${kind.verb}`]);
  console.log(table(["DATA", "KEPT FOR", "REMOVED"], rows));
  if (outcome.more)
    console.log(
      `\nMore is due than one round removes (${retention.maxRowsPerRun} rows of a kind): run usher purge again, or let a running server work it off.`,
    );
}
