// When a node tries the retention purge: shortly after it starts (never holding up the start),
// then every interval, and again after a short pause while a backlog remains. Every node runs
// one; the purge's turn lets one at a time work. Its timers never keep the process alive, a
// failed round is reported and the next one comes as usual, and stopping waits for a round in
// progress, so the database is not closed under it.
import type { PurgeOutcome } from "./purge";

export interface PurgeScheduleOptions {
  intervalMs: number;
  /** The first round, counted from the start. */
  firstAfterMs: number;
  /** Between rounds while the last one reached its cap: a backlog goes in bounded rounds, not one an interval. */
  backlogPauseMs: number;
  /** Every round's outcome, including a turn taken elsewhere. */
  onPurged(outcome: PurgeOutcome): void;
  /** A round that failed (the database is away); the schedule goes on. */
  onError(error: unknown): void;
}

export const defaultPurgeTimings = { firstAfterMs: 30_000, backlogPauseMs: 5_000 };

export interface PurgeSchedule {
  /** No round starts after this; resolves once a round in progress has finished. */
  stop(): Promise<void>;
}

export function startPurgeSchedule(purge: () => Promise<PurgeOutcome>, options: PurgeScheduleOptions): PurgeSchedule {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;

  const after = (delayMs: number): void => {
    if (stopped) return;
    timer = setTimeout(round, delayMs);
    timer.unref?.();
  };

  const round = (): void => {
    running = (async () => {
      let more = false;
      try {
        const outcome = await purge();
        more = outcome.purged && outcome.more;
        options.onPurged(outcome);
      } catch (error) {
        options.onError(error);
      }
      running = undefined;
      after(more ? options.backlogPauseMs : options.intervalMs);
    })();
  };

  after(options.firstAfterMs);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
