// Session changes: what the platform's verifiers must hear before the request that made a
// change is answered. The argument is in src/verifier/LEASES.md.
import type { AuditEventInput } from "../audit/ports";
import type { OutboxMessageInput } from "../delivery/ports";

/** One logged change: something about this account's sessions or their claims. */
export interface SessionChange {
  /** The change log's sequence number: unique, but not in commit order. */
  seq: number;
  accountId: string;
}

/** The append-only rows a unit of work wrote: nothing in the unit reads them back. */
export interface AppendedRows {
  audit: readonly AuditEventInput[];
  outbox: readonly OutboxMessageInput[];
}

/** Read inside a transaction, before it commits. */
export interface SessionChangeStore {
  /**
   * The changes this transaction has logged so far. The database logs and notifies them itself
   * (triggers on every statement that revokes or deletes a session or changes a claimed field),
   * so no write can forget to. A unit of work reads them in its last statement before the
   * commit, which also writes the rows it appended.
   */
  loggedInThisTransaction(appending?: AppendedRows): Promise<SessionChange[]>;
}

/** A running node as the database's clock sees it. */
export interface LiveNode {
  id: string;
  /** How long its liveness lease still runs, by the database's clock. */
  remainingMs: number;
}

/** What the node that made a change asks of the cluster. */
export interface ClusterNodes {
  /** The nodes whose liveness lease runs now (read after the change committed). */
  liveNodes(): Promise<LiveNode[]>;
}

/** The durations the leases run on. Only durations cross a wire; each side counts its own. */
export interface LeaseTimings {
  /** A node's liveness lease in the database. */
  nodeLeaseMs: number;
  /** How often a node renews it. */
  nodeRenewMs: number;
  /** The longest lease a node grants a verifier. */
  subscriberLeaseMs: number;
  /** How often a verifier renews. */
  subscriberRenewMs: number;
  /** A verifier's lease ends at least this long before its node's own. */
  grantMarginMs: number;
  /** Added to every lease counted on a clock other than the holder's (clock rates differ slightly). */
  driftMs: number;
}

// A node that goes deaf holds up changes for at most its own lease, so that lease is short; it
// is renewed often enough that a verifier's grant is rarely cut by the margin.
export const defaultLeaseTimings: LeaseTimings = {
  nodeLeaseMs: 6_000,
  nodeRenewMs: 1_000,
  subscriberLeaseMs: 4_000,
  subscriberRenewMs: 1_000,
  grantMarginMs: 1_000,
  driftMs: 200,
};
