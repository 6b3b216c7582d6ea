// "Sessions of this account were revoked": the signal that tells open screens, on every node,
// to re-check theirs. It carries an account id only, never a token. Losing one costs a late
// notice, never a served request: every request is checked against the database anyway.

/** Called with the id of an account whose sessions were revoked. */
export type RevocationListener = (accountId: string) => void;

export interface RevocationSignals {
  /** Tells every node (this one included). Never throws and never waits: a failure is logged. */
  publish(accountId: string): void;
  /**
   * Hears every published account id. `onMissed` runs when signals may have been lost (the
   * connection to the other nodes dropped and came back): re-check everything. Answers the
   * unsubscribe.
   */
  subscribe(listener: RevocationListener, onMissed?: () => void): () => void;
  /** How many subscriptions are open (to prove nothing leaks). */
  listenerCount(): number;
  close(): Promise<void>;
}
