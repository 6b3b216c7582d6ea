// The open screens of one node, by account: when a signal that the account's sessions changed
// arrives, each of its screens re-reads its own session row (one primary-key lookup) and, if
// that session is over, is told why. A screen that asks is also told of its device's streams
// that ended since it opened (stopped from another device, signed out): a stream's end is
// signalled like a session change. One subscription per node, however many screens are open.
import type { CoreDeps } from "../deps";
import type { EndedStream } from "../streams/ports";
import type { RevokedReason, SessionRecord } from "./ports";
import type { RevocationSignals } from "./revocation-signals";

/** Why an open screen's session ended; the same words as a refused request's error. */
export type SessionEnd = { code: "SESSION_REVOKED"; reason: RevokedReason } | { code: "SESSION_EXPIRED"; reason: "expired" };

/** Whether a session (as just read; null when there is no such row) is over, and why; null while it is live. */
export function whySessionEnded(session: SessionRecord | null, now: Date): SessionEnd | null {
  // A row goes only with its account (the retention purge takes ended ones, whose screens were told).
  if (!session) return { code: "SESSION_REVOKED", reason: "account_deleted" };
  if (session.revokedAt) return { code: "SESSION_REVOKED", reason: session.revokedReason ?? "signed_out" };
  if (session.expiresAt.getTime() <= now.getTime()) return { code: "SESSION_EXPIRED", reason: "expired" };
  return null;
}

interface Watcher {
  sessionId: string;
  accountId: string;
  /** The last expiry read; it only ever slides later, so until then no read is needed. */
  expiresAt: Date;
  onEnded(end: SessionEnd): void;
  /** When it was opened: only streams ended since are news to it. */
  openedAt: Date;
  onStreamEnded: ((stream: EndedStream) => void) | undefined;
  /** Streams it has been told of. */
  toldOf: Set<string>;
  ended: boolean;
  checking: boolean;
  /** A signal arrived during a check: check again when it is done. */
  again: boolean;
}

/**
 * Open screens one account may hold on a node: a household's tabs, phones and TVs fit with
 * room to spare, while a script opening streams without end meets a limit.
 */
export const MAX_SCREENS_PER_ACCOUNT = 50;

export class LiveSessions {
  readonly #byAccount = new Map<string, Set<Watcher>>();
  readonly #unsubscribe: () => void;

  constructor(
    private readonly deps: Pick<CoreDeps, "stores" | "clock">,
    signals: RevocationSignals,
    /** A failed re-check (database unreachable): the screen stays open and is re-checked at the next signal. */
    private readonly onError: (error: unknown) => void,
  ) {
    this.#unsubscribe = signals.subscribe(
      (accountId) => this.#recheckAccount(accountId),
      () => this.#recheckAll(),
    );
  }

  /** Whether the account may open one more screen on this node. */
  hasRoomFor(accountId: string): boolean {
    return (this.#byAccount.get(accountId)?.size ?? 0) < MAX_SCREENS_PER_ACCOUNT;
  }

  /**
   * Watches one screen's session until it ends (`onEnded`, once) or the answered function is
   * called. It is checked once at once: a revocation between authenticating the screen and
   * this call would otherwise go unheard.
   */
  watch(
    session: Pick<SessionRecord, "id" | "accountId" | "expiresAt">,
    onEnded: (end: SessionEnd) => void,
    /** Told of each of the device's streams that ends other than by its own player, before `onEnded`. */
    onStreamEnded?: (stream: EndedStream) => void,
  ): () => void {
    const watcher: Watcher = {
      sessionId: session.id,
      accountId: session.accountId,
      expiresAt: session.expiresAt,
      onEnded,
      openedAt: this.deps.clock.now(),
      onStreamEnded,
      toldOf: new Set(),
      ended: false,
      checking: false,
      again: false,
    };
    let screens = this.#byAccount.get(watcher.accountId);
    if (!screens) {
      screens = new Set();
      this.#byAccount.set(watcher.accountId, screens);
    }
    screens.add(watcher);
    void this.#check(watcher);
    return () => this.#forget(watcher);
  }

  /** Re-checks the screens whose session should have expired by now (no signal tells of expiry). */
  recheckExpired(): void {
    const now = this.deps.clock.now().getTime();
    for (const screens of this.#byAccount.values()) {
      for (const watcher of screens) if (watcher.expiresAt.getTime() <= now) void this.#check(watcher);
    }
  }

  /** Screens watched on this node. */
  get size(): number {
    let count = 0;
    for (const screens of this.#byAccount.values()) count += screens.size;
    return count;
  }

  close(): void {
    this.#unsubscribe();
    this.#byAccount.clear();
  }

  #recheckAccount(accountId: string): void {
    const screens = this.#byAccount.get(accountId);
    if (screens) for (const watcher of [...screens]) void this.#check(watcher);
  }

  #recheckAll(): void {
    for (const screens of [...this.#byAccount.values()]) for (const watcher of [...screens]) void this.#check(watcher);
  }

  #forget(watcher: Watcher): void {
    const screens = this.#byAccount.get(watcher.accountId);
    if (!screens) return;
    screens.delete(watcher);
    if (screens.size === 0) this.#byAccount.delete(watcher.accountId);
  }

  async #tellEndedStreams(watcher: Watcher, onStreamEnded: (stream: EndedStream) => void): Promise<void> {
    for (const stream of await this.deps.stores.streams.endedSince(watcher.sessionId, watcher.openedAt)) {
      // The player that stopped its own stream knows.
      if (watcher.toldOf.has(stream.id) || stream.reason === "stopped") continue;
      watcher.toldOf.add(stream.id);
      if (!watcher.ended) onStreamEnded(stream);
    }
  }

  async #check(watcher: Watcher): Promise<void> {
    if (watcher.ended) return;
    if (watcher.checking) {
      watcher.again = true;
      return;
    }
    watcher.checking = true;
    try {
      if (watcher.onStreamEnded) await this.#tellEndedStreams(watcher, watcher.onStreamEnded);
      const session = await this.deps.stores.sessions.findById(watcher.sessionId);
      const end = whySessionEnded(session, this.deps.clock.now());
      if (!end) watcher.expiresAt = session!.expiresAt;
      else if (!watcher.ended) {
        watcher.ended = true;
        this.#forget(watcher);
        watcher.onEnded(end);
      }
    } catch (error) {
      this.onError(error);
    } finally {
      watcher.checking = false;
      if (watcher.again && !watcher.ended) {
        watcher.again = false;
        void this.#check(watcher);
      }
    }
  }
}
