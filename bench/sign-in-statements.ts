// What a sign-in costs PostgreSQL, counted on the wire between a node of its own and the database
// (bench/support/pg-wire-counter.ts), and the node's main thread, read from /proc: its own work,
// with no other request and no argon2 verification on the other core competing for the caches.
// The node's idle rates are taken out of both. Sign-ins go one at a time:
//   - from a device the account has used before (its device token): the request's own statements;
//   - from a device new to the account: those, the "new sign-in" notice written with the session,
//     and the email's delivery by the node's outbox dispatcher (claim, send, mark sent).

import { countWindows, startWireCounter, type WireCounts } from "./streams";
import { log, sleep } from "./support/common";
import { mainThreadCpuSeconds } from "./support/measure";
import type { Node } from "./support/processes";
import { stopProcess } from "./support/processes";
import { api, emailOf, ipFor, PASSWORD } from "./support/usher-api";

/** Enough for the main thread's CPU to span a hundred clock ticks (10 ms each) a window. */
const SIGN_INS = 200;
const IDLE_MS = 2_000;
/** After the last sign-in from a new device: time for its email to go out before the count closes. */
const DELIVERY_MS = 500;

type SignInCounts = WireCounts & { mainThreadMs: number };

export interface SignInStatements {
  signIns: number;
  /** Statements and transactions a second while the counted node served nothing. */
  idle: SignInCounts;
  knownDevice: SignInCounts;
  newDevice: SignInCounts;
}

async function signIn(node: Node, i: number, account: number, deviceToken?: string): Promise<string> {
  const answer = await api(node, "POST", "/api/v1/auth/sign-in", {
    ip: ipFor(150, i),
    body: { email: emailOf(account), password: PASSWORD, client: { kind: "mobile", name: "Bench phone" }, deviceToken },
  });
  if (answer.status !== 200 || typeof answer.json?.deviceToken !== "string") throw new Error(`sign-in answered ${answer.status}`);
  return answer.json.deviceToken;
}

/** Sign-ins to `accounts` accounts (numbered from 0, already signed up), on a node started through the counting relay. */
export async function countSignInStatements(
  databaseUrl: string,
  accounts: number,
  startNode: (name: string, databaseUrl: string) => Promise<Node>,
): Promise<SignInStatements> {
  const counter = await startWireCounter(databaseUrl);
  let node: Node | undefined;
  try {
    const counted = await startNode("usher-counted-sign-in", counter.url);
    node = counted;
    log(`sign-in statements: ${SIGN_INS} sign-ins one at a time from known devices, then ${SIGN_INS} from new ones, on a counted node`);
    // Each account's device token, from a first sign-in that is not counted.
    const tokens: string[] = [];
    for (let i = 0; i < SIGN_INS; i++) tokens.push(await signIn(counted, i, i % accounts));
    await sleep(DELIVERY_MS);
    const pid = counted.child.pid!;
    // The node's main thread beside its statements: its own work, with nothing sharing the turn.
    const wire = await countWindows(async () => ({ ...(await counter.counts()), mainThreadMs: mainThreadCpuSeconds(pid) * 1000 }), IDLE_MS);
    const measure = async (work: () => Promise<void>) => (await wire.measure(work)).per(SIGN_INS);
    const knownDevice = await measure(async () => {
      for (let i = 0; i < SIGN_INS; i++) await signIn(counted, SIGN_INS + i, i % accounts, tokens[i]);
    });
    const newDevice = await measure(async () => {
      for (let i = 0; i < SIGN_INS; i++) await signIn(counted, 2 * SIGN_INS + i, i % accounts);
      await sleep(DELIVERY_MS);
    });
    log(
      `sign-in statements: ${knownDevice.statements.toFixed(2)} from a known device, ${newDevice.statements.toFixed(2)} from a new one; ` +
        `main thread ${knownDevice.mainThreadMs.toFixed(2)} and ${newDevice.mainThreadMs.toFixed(2)} ms`,
    );
    return { signIns: SIGN_INS, idle: wire.idle, knownDevice, newDevice };
  } finally {
    if (node) await stopProcess(node.child);
    await stopProcess(counter.node.child);
  }
}
