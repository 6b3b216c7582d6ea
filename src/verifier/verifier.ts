// The session verifier a platform service runs in its own process: it answers "is this token a
// live session, and whose?" from a cache while Usher's lease says the cache is as good as
// asking, and asks Usher (token introspection) otherwise. Usher pushes every change to an
// account's sessions over the subscription and waits for the acknowledgement before it answers
// the request that made the change, so an answer from the cache is never older than that.
//
// Freshness is decided on every call against the monotonic clock, never by a timer. A fill
// takes its ticket before asking, so an answer a change or an emptying overtook is handed to
// its callers (it was true when Usher gave it) but not remembered. When Usher gives no answer,
// verify throws: a viewer is never told they are signed out because Usher is down.
import type { SessionClaims } from "./claims.js";
import { introspection } from "./introspection.js";
import { Lease } from "./lease.js";
import { isAccountId } from "./protocol.js";
import { type FillTicket, SessionCache, tokenKey } from "./session-cache.js";
import { Subscription, type VerifierLogger } from "./subscription.js";
import { usherBase } from "./usher-endpoint.js";

export type { VerifierLogger } from "./subscription.js";

export interface SessionVerifierOptions {
  /** Where Usher is, e.g. https://accounts.example.com (a path prefix is kept). */
  url: string;
  /** The service client Usher knows this service by, and its secret. */
  clientId: string;
  clientSecret: string;
  /** How long a call waits for Usher's introspection answer before it throws (default 2 s). */
  timeoutMs?: number;
  /** Live sessions remembered at most (default 100,000). */
  maxSessions?: number;
  /** Tokens remembered as not live at most (default 10,000): a stranger can make up any number. */
  maxInactive?: number;
  /** Monotonic milliseconds (default performance.now); for tests. */
  now?: () => number;
  logger?: VerifierLogger;
}

export interface VerifierStatus {
  /** A subscription to Usher's session changes is open. */
  subscribed: boolean;
  /** Answers may come from the cache right now. */
  leaseFresh: boolean;
  cached: { live: number; inactive: number };
  /** Usher's lease epoch, null before the first lease. */
  epoch: string | null;
}

export interface SessionVerifier {
  /** The session's claims, or null when the token is not a live session; throws UsherUnavailableError when Usher gave no answer. */
  verify(token: string): Promise<SessionClaims | null>;
  /** Resolves once the first lease is granted (or rejects after timeoutMs): lets a service start warm. Optional to await. */
  ready(timeoutMs?: number): Promise<void>;
  /** For metrics and tests. */
  status(): VerifierStatus;
  /** Ends the subscription; later calls ask Usher every time. */
  close(): Promise<void>;
}

/** Longer is not a token Usher issues: such a call is answered without asking. */
const MAX_TOKEN_LENGTH = 4_096;

interface Fill {
  cache: SessionCache<SessionClaims>;
  ticket: FillTicket;
  answer: Promise<SessionClaims | null>;
}

export function createSessionVerifier(options: SessionVerifierOptions): SessionVerifier {
  const usher = usherBase(options.url);
  if (!options.clientId || !options.clientSecret) throw new TypeError("a session verifier needs the service client's id and secret");
  const now = options.now ?? (() => performance.now());
  const ask = introspection({
    usher,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    timeoutMs: options.timeoutMs ?? 2_000,
  });
  const lease = new Lease();
  const newCache = (entryMs: number) =>
    new SessionCache<SessionClaims>({ maxLive: options.maxSessions ?? 100_000, maxInactive: options.maxInactive ?? 10_000, entryMs });
  // The cache's entry lifetime is Usher's touch interval, which each subscription's hello states,
  // and a subscription starts empty: so each hello gets a cache of its own. Until the first, no
  // answer is remembered (entryMs 0) and the lease is not fresh anyway. A fill keeps the cache
  // it took its ticket from, so an answer fetched before a hello lands in one nobody reads.
  let cache = newCache(0);
  /** Introspections under way, one per token key: callers asking meanwhile share the answer. */
  const fills = new Map<string, Fill>();
  /** ready() callers waiting for the first lease. */
  const waiting = new Set<{ granted(): void; failed(error: Error): void }>();
  let closed = false;

  const subscription = new Subscription({
    usher,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    lease,
    now,
    ...(options.logger ? { logger: options.logger } : {}),
    answers: {
      startOver: (entryMs) => {
        cache.clear();
        cache = newCache(entryMs);
      },
      accountChanged: (accountId) => cache.accountChanged(accountId),
      clear: () => cache.clear(),
    },
    onLease: () => {
      if (!lease.fresh(now())) return;
      for (const waiter of waiting) waiter.granted();
    },
  });
  subscription.start();

  async function fill(
    key: string,
    token: string,
    fillCache: SessionCache<SessionClaims>,
    ticket: FillTicket,
  ): Promise<SessionClaims | null> {
    const answer = await ask(token);
    if (!answer.active) {
      fillCache.storeInactive(key, ticket);
      return null;
    }
    const { claims } = answer;
    // An answer for an account no change could name would never be dropped: handed on, not remembered.
    if (isAccountId(claims.sub)) {
      fillCache.storeLive(key, ticket, { accountId: claims.sub, expiresAtMs: claims.exp * 1_000, claims }, now(), Date.now());
    }
    return claims;
  }

  return {
    async verify(token) {
      if (typeof token !== "string" || token.length === 0 || token.length > MAX_TOKEN_LENGTH) return null;
      const key = tokenKey(token);
      const at = now();
      if (lease.fresh(at)) {
        const remembered = cache.get(key, at, Date.now());
        if (remembered.found) return remembered.claims;
      }
      // Taken before asking, and before joining a fill under way: a fill that started before a
      // change (or an emptying) may carry an answer from before it, which a caller arriving
      // after the change must not get.
      const ticket = cache.ticket();
      const current = fills.get(key);
      if (current && current.cache === cache && current.ticket.generation === ticket.generation) return current.answer;
      const started: Fill = {
        cache,
        ticket,
        answer: fill(key, token, cache, ticket).finally(() => {
          if (fills.get(key) === started) fills.delete(key);
        }),
      };
      fills.set(key, started);
      return started.answer;
    },

    ready(timeoutMs = 5_000) {
      if (closed) return Promise.reject(new Error("the session verifier is closed"));
      if (lease.fresh(now())) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const waiter = {
          granted: () => {
            waiting.delete(waiter);
            clearTimeout(timer);
            resolve();
          },
          failed: (error: Error) => {
            waiting.delete(waiter);
            clearTimeout(timer);
            reject(error);
          },
        };
        // Not unref'd, unlike the verifier's own timers: a caller awaiting this wants the process to wait with it.
        const timer = setTimeout(
          () => waiter.failed(new Error(`no lease from Usher within ${timeoutMs} ms; answers come from Usher alone until there is one`)),
          timeoutMs,
        );
        waiting.add(waiter);
      });
    },

    status() {
      return { subscribed: subscription.subscribed, leaseFresh: lease.fresh(now()), cached: cache.size, epoch: lease.epoch };
    },

    async close() {
      closed = true;
      for (const waiter of waiting) waiter.failed(new Error("the session verifier was closed"));
      await subscription.close();
    },
  };
}
