// The verifier's end of the session-change subscription (protocol.ts): one WebSocket to Usher,
// kept open for the verifier's life. It applies every change Usher pushes to the cache and
// acknowledges it at once (Usher holds back the request that made the change until it has),
// renews the lease on a timer, and reconnects with backoff whenever the subscription ends.
//
// A subscription that ends or misbehaves takes its lease with it there and then, and empties
// the cache: changes pushed after it are not heard, so nothing it vouched for can be trusted.
// It never keeps the process alive on its own: its timers and its socket are unref'd.
import { isIP, type NetConnectOpts, connect as netConnect } from "node:net";
import { type ConnectionOptions, connect as tlsConnect } from "node:tls";
import WebSocket from "ws";
import type { Lease } from "./lease.js";
import { CLOSE_NOT_LISTENING, parseUsherMessage, SUBSCRIPTION_PATH, type UsherMessage, type VerifierMessage } from "./protocol.js";
import { basicAuthorization } from "./usher-endpoint.js";

/** What the subscription keeps in step with Usher: the verifier's remembered answers. */
export interface RememberedAnswers {
  /** A new subscription: forget everything; from now on an answer is used at most `entryMs`. */
  startOver(entryMs: number): void;
  accountChanged(accountId: string): void;
  clear(): void;
}

export interface VerifierLogger {
  warn(message: string, details?: object): void;
}

export interface SubscriptionOptions {
  /** Usher's base URL, with a trailing slash. */
  usher: URL;
  clientId: string;
  clientSecret: string;
  lease: Lease;
  answers: RememberedAnswers;
  /** Monotonic milliseconds. */
  now: () => number;
  /** Called after every lease answer. */
  onLease: () => void;
  logger?: VerifierLogger;
  /** How long a connection may take to say hello before it is given up (default 10 s). */
  helloTimeoutMs?: number;
}

const FIRST_RETRY_MS = 100;
const LONGEST_RETRY_MS = 5_000;
/** Renewals left unanswered before the connection is taken for dead (a half-open socket never closes by itself). */
const MOST_UNANSWERED = 3;
/** Usher's frames are small (protocol.ts refuses any over 1 KB): a bigger one ends the connection before it is read. */
const MAX_FRAME_BYTES = 4_096;

interface Connection {
  socket: WebSocket;
  hello: boolean;
  /** The last change applied, counting from 1 on each subscription. */
  applied: number;
  timers: NodeJS.Timeout[];
}

export class Subscription {
  readonly #options: SubscriptionOptions;
  readonly #url: URL;
  readonly #authorization: string;
  #connection: Connection | null = null;
  #retry: NodeJS.Timeout | null = null;
  /** Failed attempts since the last subscription that said hello. */
  #failures = 0;
  #closed = false;

  constructor(options: SubscriptionOptions) {
    this.#options = options;
    this.#url = new URL(SUBSCRIPTION_PATH, options.usher);
    this.#url.protocol = this.#url.protocol === "https:" ? "wss:" : "ws:";
    this.#authorization = basicAuthorization(options.clientId, options.clientSecret);
  }

  /** Whether a subscription is open and has said hello. */
  get subscribed(): boolean {
    return this.#connection?.hello ?? false;
  }

  start(): void {
    if (!this.#closed && !this.#connection && !this.#retry) this.#connect();
  }

  /** Ends the subscription for good. */
  async close(): Promise<void> {
    this.#closed = true;
    if (this.#retry) clearTimeout(this.#retry);
    this.#retry = null;
    const connection = this.#connection;
    if (!connection) return;
    const closed = new Promise((resolve) => connection.socket.once("close", resolve));
    this.#end(connection, null);
    if (connection.socket.readyState !== WebSocket.CLOSED) await closed;
  }

  #connect(): void {
    this.#retry = null;
    const socket = new WebSocket(this.#url, {
      headers: { authorization: this.#authorization },
      maxPayload: MAX_FRAME_BYTES,
      createConnection: unrefConnection(this.#url.protocol === "wss:"),
    });
    const connection: Connection = { socket, hello: false, applied: 0, timers: [] };
    this.#connection = connection;
    const helloTimeoutMs = this.#options.helloTimeoutMs ?? 10_000;
    connection.timers.push(
      setTimeout(
        () => this.#end(connection, { reason: `Usher did not open the subscription within ${helloTimeoutMs} ms` }),
        helloTimeoutMs,
      ).unref(),
    );
    socket.on("message", (data, isBinary) => {
      const message = isBinary ? null : parseUsherMessage(String(data));
      if (message) this.#receive(connection, message);
      else this.#end(connection, { reason: "Usher sent a frame that is not a session-change message" });
    });
    // ws emits "close" after every "error", during the handshake too; the error says why.
    let failure: string | undefined;
    socket.on("error", (error) => {
      failure ??= error.message.endsWith(": 401")
        ? `Usher refused this service's client credentials (client id "${this.#options.clientId}", or its secret)`
        : error.message;
    });
    socket.on("close", (code) => {
      const reason =
        failure ??
        (code === CLOSE_NOT_LISTENING ? "Usher cannot hear session changes itself right now" : `Usher closed the subscription (${code})`);
      this.#end(connection, { reason, code });
    });
  }

  #receive(connection: Connection, message: UsherMessage): void {
    if (connection !== this.#connection) return;
    const broken = this.#apply(connection, message);
    if (broken) this.#end(connection, { reason: broken });
  }

  /** Applies one message from Usher; says what is wrong with it when it breaks the subscription. */
  #apply(connection: Connection, message: UsherMessage): string | null {
    if (message.type === "hello") {
      if (connection.hello) return "Usher said hello twice";
      connection.hello = true;
      this.#failures = 0;
      for (const timer of connection.timers) clearTimeout(timer);
      connection.timers = [setInterval(() => this.#renew(connection), message.renewMs).unref()];
      this.#options.answers.startOver(message.entryMs);
      this.#renew(connection);
      return null;
    }
    if (!connection.hello) return `Usher sent "${message.type}" before hello`;
    if (message.type === "change") {
      // A change skipped is a change not applied: nothing cached can be trusted after it.
      if (message.n !== connection.applied + 1) return `Usher's change ${message.n} came after change ${connection.applied}`;
      this.#options.answers.accountChanged(message.account);
      connection.applied = message.n;
      this.#send(connection, { type: "ack", n: message.n });
      return null;
    }
    if (!this.#options.lease.granted(message, () => this.#options.answers.clear())) {
      return `Usher answered renewal ${message.id}, which is not waiting for an answer`;
    }
    this.#options.onLease();
    return null;
  }

  #renew(connection: Connection): void {
    const { lease, now } = this.#options;
    if (lease.unanswered >= MOST_UNANSWERED) {
      this.#end(connection, { reason: `Usher left the last ${lease.unanswered} lease renewals unanswered` });
    } else {
      // Counted from before the message goes out: the lease may only ever be shorter than Usher's.
      this.#send(connection, { type: "renew", id: lease.sent(now()), applied: connection.applied });
    }
  }

  #send(connection: Connection, message: VerifierMessage): void {
    connection.socket.send(JSON.stringify(message));
  }

  /** The connection is over (`why` is null when the verifier closes): its lease and the cache go with it at once. */
  #end(connection: Connection, why: { reason: string; code?: number } | null): void {
    if (connection !== this.#connection) return;
    this.#connection = null;
    for (const timer of connection.timers) clearTimeout(timer);
    this.#options.lease.ended();
    this.#options.answers.clear();
    connection.socket.terminate();
    if (!why || this.#closed) return;
    // One warning when a working subscription is lost or the first attempt fails, not one per retry.
    if (connection.hello || this.#failures === 0) {
      this.#options.logger?.warn("the session-change subscription to Usher ended; answering from Usher alone until it is back", why);
    }
    const delay = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** this.#failures);
    this.#failures += 1;
    // Jittered, so the platform's services don't all come back to a restarted Usher at the same moment.
    this.#retry = setTimeout(() => this.#connect(), delay * (0.5 + Math.random() / 2)).unref();
  }
}

/**
 * Opens the subscription's socket unref'd. The options are the HTTP request's, so `path` is the
 * URL's, not a socket's. Typed as net.connect is, though ws only ever passes an options object.
 */
function unrefConnection(secure: boolean): typeof netConnect {
  const open = (options: NetConnectOpts & ConnectionOptions) => {
    const target = { ...options, path: undefined };
    // As ws does: no server name for an address (Node refuses one), else the host's.
    const servername = target.servername ?? (isIP(target.host ?? "") ? "" : target.host);
    const socket = secure ? tlsConnect({ ...target, servername }) : netConnect(target as NetConnectOpts);
    socket.unref();
    return socket;
  };
  return open as typeof netConnect;
}
