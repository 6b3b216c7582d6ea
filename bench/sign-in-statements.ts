// What a sign-in costs PostgreSQL, counted on the wire between a node of its own and the database
// (bench/support/pg-wire-counter.ts), the node's idle rate taken out. Sign-ins go one at a time:
//   - from a device the account has used before (its device token): the request's own statements;
//   - from a device new to the account: those, the "new sign-in" notice written with the session,
//     and the email's delivery by the node's outbox dispatcher (claim, send, mark sent).

import { startWireCounter, type WireCounts, wireWindows } from "./streams";
import { log, sleep } from "./support/common";
import type { Node } from "./support/processes";
import { stopProcess } from "./support/processes";
import { api, emailOf, ipFor, PASSWORD } from "./support/usher-api";

const SIGN_INS = 40;
const IDLE_MS = 2_000;
/** After the last sign-in from a new device: time for its email to go out before the count closes. */
const DELIVERY_MS = 500;

export interface SignInStatements {
  signIns: number;
  /** Statements and transactions a second while the counted node served nothing. */
  idle: WireCounts;
  knownDevice: WireCounts;
  newDevice: WireCounts;
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
    const wire = await wireWindows(counter.counts, IDLE_MS);
    const knownDevice = (
      await wire.measure(async () => {
        for (let i = 0; i < SIGN_INS; i++) await signIn(counted, SIGN_INS + i, i % accounts, tokens[i]);
      })
    ).per(SIGN_INS);
    const newDevice = (
      await wire.measure(async () => {
        for (let i = 0; i < SIGN_INS; i++) await signIn(counted, 2 * SIGN_INS + i, i % accounts);
        await sleep(DELIVERY_MS);
      })
    ).per(SIGN_INS);
    log(`sign-in statements: ${knownDevice.statements.toFixed(2)} from a known device, ${newDevice.statements.toFixed(2)} from a new one`);
    return { signIns: SIGN_INS, idle: wire.idle, knownDevice, newDevice };
  } finally {
    if (node) await stopProcess(node.child);
    await stopProcess(counter.node.child);
  }
}
