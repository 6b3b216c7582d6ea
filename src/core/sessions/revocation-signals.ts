// "Sessions of this account changed": what tells a node's open screens to re-check theirs. The
// database notifies every node inside the changing transaction (adapters/session-changes), so
// any writer's change is heard, and a rolled-back one never is. It carries an account id only,
// never a token. Losing one costs a late notice, never a served request: every request is
// checked against the database anyway.

/** Called with the id of an account whose sessions changed. */
export type RevocationListener = (accountId: string) => void;

export interface RevocationSignals {
  /**
   * Hears every changed account. `onMissed` runs when some may have been lost (the connection
   * that hears them dropped and came back): re-check everything. Answers the unsubscribe.
   */
  subscribe(listener: RevocationListener, onMissed?: () => void): () => void;
  /** How many subscriptions are open (to prove nothing leaks). */
  listenerCount(): number;
  close(): Promise<void>;
}
