import { Registry } from "prom-client";
import { describe, expect, it } from "vitest";
import { type GaugeLog, type NodeGaugeSources, registerNodeGauges } from "./node-gauges";

/** Sources whose database reads answer `reads` in turn, then fail as a database that went away does. */
function sourcesReading(reads: number[]): { sources: NodeGaugeSources; queries: () => number } {
  let queries = 0;
  const next = async () => {
    queries++;
    const value = reads.shift();
    if (value === undefined) throw new Error("connect ECONNREFUSED 127.0.0.1:5432");
    return value;
  };
  const now = new Date("2026-03-02T09:00:00Z");
  return {
    sources: {
      eventStreams: () => 3,
      verifierSubscribers: () => 1,
      passwordHashesWaiting: () => 0,
      outboxBacklog: async () => ({ pending: await next(), oldestCreatedAt: new Date(now.getTime() - 90_000) }),
      liveStreams: next,
      now: () => now,
    },
    queries: () => queries,
  };
}

function recordingLog(): GaugeLog & { lines: string[] } {
  const lines: string[] = [];
  return { lines, warn: (_details, message) => void lines.push(message) };
}

const sampled = (text: string, name: string) => Number(new RegExp(`^${name} (\\S+)$`, "m").exec(text)?.[1]);

describe("node gauges", () => {
  it("read the outbox's backlog once per scrape for both of its gauges", async () => {
    const registry = new Registry();
    const { sources, queries } = sourcesReading([7, 2]);
    registerNodeGauges(registry, sources, recordingLog());

    const text = await registry.metrics();
    expect(queries()).toBe(2);
    expect(sampled(text, "usher_outbox_oldest_pending_age_seconds")).toBe(90);
    expect(sampled(text, "usher_event_streams_open")).toBe(3);
  });

  it("keep their last value while the database is away, and say so once, not at every scrape", async () => {
    const registry = new Registry();
    const { sources } = sourcesReading([7, 2]);
    const log = recordingLog();
    registerNodeGauges(registry, sources, log);
    const first = await registry.metrics();

    const second = await registry.metrics();
    await registry.metrics();
    for (const name of ["usher_outbox_pending", "usher_streams_live", "usher_event_streams_open"]) {
      expect(sampled(second, name)).toBe(sampled(first, name));
    }
    expect(log.lines).toEqual(["metrics could not read the database; its gauges keep their last value"]);
  });
});
