// For a process that changes sessions without being a node (the operator's CLI): it waits, like
// a node does, until every live node has made its verifiers apply the change or its lease has
// ended, by hearing the nodes' acknowledgements. It holds no lease of its own, so no node ever
// waits for it, before or after it exits.

import { ChangeAcks } from "../../core/session-changes/change-acks";
import type { LeaseTimings, SessionChange } from "../../core/session-changes/ports";
import type { Database } from "../../store/database";
import { ACKS_CHANNEL, type ListeningConnection } from "./listening-connection";
import { readLiveNodes } from "./session-change-node";

const ACK = /^([A-Za-z0-9_-]{1,32}) (\d{1,18})$/;

export class ChangeWaiter {
  readonly #acks: ChangeAcks;
  readonly #connection: ListeningConnection;

  private constructor(connection: ListeningConnection, db: Database, timings: LeaseTimings) {
    this.#connection = connection;
    this.#acks = new ChangeAcks({ liveNodes: () => readLiveNodes(db) }, timings, () => performance.now());
  }

  /** Listens before answering: acknowledgements of a change can arrive before its wait starts. */
  static async start(connection: ListeningConnection, db: Database, timings: LeaseTimings): Promise<ChangeWaiter> {
    const waiter = new ChangeWaiter(connection, db, timings);
    await connection.open({
      notification: (channel, payload) => {
        const match = channel === ACKS_CHANNEL ? ACK.exec(payload) : null;
        if (match) waiter.#acks.heard(match[1]!, Number(match[2]));
      },
      // Unheard acknowledgements cost only time: each node's lease still ends the wait.
      lost: () => {},
    });
    return waiter;
  }

  /** Resolves once every live node has heard these changes, or its lease ended. Never rejects. */
  heard(changes: readonly SessionChange[]): Promise<void> {
    return this.#acks.settled(changes);
  }

  async close(): Promise<void> {
    this.#acks.close();
    await this.#connection.close();
  }
}
