import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { PurgeOutcome } from "./purge";
import { type PurgeSchedule, startPurgeSchedule } from "./purge-schedule";

const nothing = { sessions: 0, streams: 0, auditEvents: 0, deliveries: 0, messagesEmptied: 0, messageRecords: 0 };
const done: PurgeOutcome = { purged: true, removed: nothing, more: false };
const backlog: PurgeOutcome = { purged: true, removed: { ...nothing, auditEvents: 10 }, more: true };

let schedule: PurgeSchedule | undefined;
beforeEach(() => vi.useFakeTimers());
afterEach(async () => {
  await schedule?.stop();
  vi.useRealTimers();
});

function start(purge: () => Promise<PurgeOutcome>) {
  const seen = { outcomes: [] as PurgeOutcome[], errors: [] as unknown[] };
  schedule = startPurgeSchedule(purge, {
    firstAfterMs: 30_000,
    intervalMs: 3_600_000,
    backlogPauseMs: 5_000,
    onPurged: (outcome) => seen.outcomes.push(outcome),
    onError: (error) => seen.errors.push(error),
  });
  return seen;
}

describe("the purge schedule", () => {
  it("runs a first round shortly after the start, then once an interval", async () => {
    const purge = vi.fn(async () => done);
    const seen = start(purge);
    expect(purge).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(purge).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(3_599_000);
    expect(purge).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(purge).toHaveBeenCalledTimes(2);
    expect(seen.outcomes).toEqual([done, done]);
  });

  it("comes back after a short pause while a round reached its cap", async () => {
    const outcomes = [backlog, backlog, done];
    const purge = vi.fn(async () => outcomes.shift() ?? done);
    start(purge);
    await vi.advanceTimersByTimeAsync(30_000 + 5_000 + 5_000);
    expect(purge).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(purge).toHaveBeenCalledTimes(3);
  });

  it("reports a failed round and tries again at the next interval", async () => {
    const purge = vi.fn().mockRejectedValueOnce(new Error("database unreachable")).mockResolvedValue(done);
    const seen = start(purge);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(seen.errors).toEqual([new Error("database unreachable")]);
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(seen.outcomes).toEqual([done]);
  });

  it("waits for a round in progress when stopped, and starts none after", async () => {
    let finish: (outcome: PurgeOutcome) => void = () => {};
    const purge = vi.fn(() => new Promise<PurgeOutcome>((resolve) => (finish = resolve)));
    start(purge);
    await vi.advanceTimersByTimeAsync(30_000);
    let stopped = false;
    const stopping = schedule!.stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    finish(done);
    await stopping;
    await vi.advanceTimersByTimeAsync(10 * 3_600_000);
    expect(purge).toHaveBeenCalledTimes(1);
  });

  it("never keeps the process alive while it waits", async () => {
    vi.useRealTimers();
    const waiting = () => process.getActiveResourcesInfo().filter((resource) => resource === "Timeout").length;
    const before = waiting();
    start(async () => done);
    expect(waiting()).toBe(before);
  });
});
