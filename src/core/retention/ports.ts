// What the retention purge needs stored: a turn that one node at a time holds, and bounded
// deletes of what ended before a cutoff, oldest first. Each delete answers how many rows it
// removed, so the purge can tell a short (last) batch from a full one.
//
// "Finished" messages are sent or abandoned ones: their end is coalesce(sent_at, failed_at).
// Messages still waiting to be sent are never touched, nor are live sessions.

export interface RetentionStore {
  /**
   * Takes the purge's turn until the current transaction ends, without waiting: false when
   * another purge holds it. Only meaningful inside a transaction.
   */
  takePurgeTurn(): Promise<boolean>;
  /** Sessions revoked, or else expired, before `endedBefore`, unless an ended stream of theirs is still kept. */
  deleteEndedSessions(endedBefore: Date, limit: number): Promise<number>;
  /** Streams ended before `endedBefore`. */
  deleteEndedStreams(endedBefore: Date, limit: number): Promise<number>;
  /** Audit events written before `before`. */
  deleteAuditEvents(before: Date, limit: number): Promise<number>;
  /** Finished webhook deliveries, and finished messages about no account: nothing keeps them. */
  deleteFinishedDeliveries(finishedBefore: Date, limit: number): Promise<number>;
  /**
   * Finished emails and texts about an account keep only the record that they were sent: their
   * recipient, payload and last error are emptied. Emptied ones are not counted again.
   */
  emptyFinishedMessages(finishedBefore: Date, limit: number): Promise<number>;
  /** Those records (finished emails and texts about an account), emptied or not. */
  deleteMessageRecords(finishedBefore: Date, limit: number): Promise<number>;
}
