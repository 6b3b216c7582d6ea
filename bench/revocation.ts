// The revocation figures, on several nodes sharing one PostgreSQL: how long after a
// sign-out-all answers until the last node refuses the signed-out devices, and how long the
// open screens of those devices wait for their "You were signed out" notice.
import { sessionEventNames } from "../src/contract/schemas/sessions";
import { type OpenEventStream, openEventStream } from "../test/support/event-stream";
import { percentile } from "./support/common";
import type { Node } from "./support/processes";
import { api, signIn, signUp } from "./support/usher-api";

export interface ClusterRefusal {
  /** Per round: from the sign-out-all response to the last refusal, over every device on every node. */
  ms: number[];
  /** Requests sent after the response that were still served: must be 0. */
  staleAccepts: number;
  requests: number;
}

/** `count` devices of one new account, signed in round-robin on the nodes (the first by signing up). */
async function devicesOf(nodes: Node[], accountIndex: number, count: number): Promise<string[]> {
  const first = await signUp(nodes[0]!, accountIndex);
  const others = await Promise.all(Array.from({ length: count - 1 }, (_, k) => signIn(nodes[(k + 1) % nodes.length]!, accountIndex)));
  return [first, ...others];
}

async function signOutAll(node: Node, token: string): Promise<number> {
  const out = await api(node, "POST", "/api/v1/sessions/sign-out-all", { token });
  if (out.status !== 200) throw new Error(`sign-out-all answered ${out.status}: ${JSON.stringify(out.json)}`);
  return performance.now();
}

/**
 * Each round: five devices of a new account signed in across the nodes, all served; sign out
 * of all devices on the first node; then every device asks every node once, all at the same
 * time. The figure is the time until the last of those answers, each of which must refuse.
 */
export async function measureClusterRefusal(nodes: Node[], firstAccount: number, rounds: number): Promise<ClusterRefusal> {
  const ms: number[] = [];
  let staleAccepts = 0;
  let requests = 0;
  for (let round = 0; round < rounds; round++) {
    const tokens = await devicesOf(nodes, firstAccount + round, 5);
    for (const [i, token] of tokens.entries()) {
      const status = (await api(nodes[i % nodes.length]!, "GET", "/api/v1/me", { token })).status;
      if (status !== 200) throw new Error(`a fresh device was refused (${status})`);
    }
    const answered = await signOutAll(nodes[0]!, tokens[0]!);
    const statuses = await Promise.all(
      tokens.flatMap((token) => nodes.map(async (node) => (await api(node, "GET", "/api/v1/me", { token })).status)),
    );
    ms.push(performance.now() - answered);
    requests += statuses.length;
    staleAccepts += statuses.filter((status) => status !== 401).length;
  }
  return { ms, staleAccepts, requests };
}

export interface LiveNotices {
  streams: number;
  /** Per stream: from the sign-out-all response to its signed-out event (0 if it came first). */
  delaysMs: number[];
  /** Events that arrived before the sign-out-all response did. */
  beforeResponse: number;
  /** Streams that heard nothing within the wait. */
  missed: number;
  p50: number;
  p99: number;
  max: number;
}

/**
 * `accounts` accounts, each with `streamsPerAccount` open screens (event streams) spread over
 * the nodes; each account in turn signs out of all devices on the first node, from one more
 * device, and every stream's wait for its notice is timed.
 */
export async function measureLiveNotices(
  nodes: Node[],
  firstAccount: number,
  accounts: number,
  streamsPerAccount: number,
): Promise<LiveNotices> {
  const delaysMs: number[] = [];
  let beforeResponse = 0;
  let missed = 0;
  const open: OpenEventStream[] = [];
  try {
    for (let a = 0; a < accounts; a++) {
      const [signingOut, ...screens] = await devicesOf(nodes, firstAccount + a, streamsPerAccount + 1);
      const streams = await Promise.all(
        screens.map(async (token, i) => {
          const stream = await openEventStream(`${nodes[i % nodes.length]!.url}/api/v1/sessions/events`, {
            authorization: `Bearer ${token}`,
          });
          open.push(stream);
          if (stream.status !== 200) throw new Error(`event stream answered ${stream.status}`);
          const ready = await stream.next(5_000);
          if (ready?.event !== sessionEventNames.ready) throw new Error(`expected a ready event, got ${ready?.event}`);
          return stream;
        }),
      );
      const heard = streams.map((stream) =>
        stream.next(5_000).then(
          (event) => (event?.event === sessionEventNames.signedOut ? performance.now() : null),
          () => null,
        ),
      );
      const answered = await signOutAll(nodes[0]!, signingOut!);
      for (const at of await Promise.all(heard)) {
        if (at === null) missed++;
        else {
          if (at < answered) beforeResponse++;
          delaysMs.push(Math.max(0, at - answered));
        }
      }
    }
  } finally {
    for (const stream of open) stream.close();
  }
  return {
    streams: accounts * streamsPerAccount,
    delaysMs,
    beforeResponse,
    missed,
    p50: percentile(delaysMs, 50),
    p99: percentile(delaysMs, 99),
    max: Math.max(...delaysMs),
  };
}
