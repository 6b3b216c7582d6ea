// The cluster test: three real server processes on one PostgreSQL database. Once
// a sign-out call has answered, no request from a revoked device is served again, on any
// node — proven for sign out of all devices, a per-device sign-out and a password change
// with "Require all devices to sign in again", and by a race of 1,000+ requests on
// keep-alive connections to all nodes with a sign-out-all issued mid-stream. What a platform
// service asks (RFC 7662 introspection) agrees with /me on every node, and an app signing out
// by RFC 7009 revocation on one node is inactive on all of them at the next call.
import type { ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Answer, call, type Device, type ClusterNode as Node, PASSWORD, accountWithDevices as signedInOn } from "../support/cluster";
import { createTestDatabase, type TestDatabase } from "../support/databases";
import { productionNodeEnv, startUsherProcess, stopUsherProcess } from "../support/usher-process";

interface ClusterNode extends Node {
  child: ChildProcess;
}

/** A fresh account with `count` phone-app devices, signed up and in round-robin over the nodes. */
const accountWithDevices = (count: number) => signedInOn(nodes, count);

const NEW_PASSWORD = "copper-lantern-meadow-77";
const NODE_COUNT = 3;
/** The platform's playback service, a service client of every node. */
const SERVICE = { id: "playback", secret: randomBytes(32).toString("base64url") };

let database: TestDatabase | undefined;
const nodes: ClusterNode[] = [];
const started: ChildProcess[] = [];

beforeAll(async () => {
  database = await createTestDatabase("postgres"); // migrated here, before any node starts
  // One environment for all nodes: the same SECRET_KEY everywhere, as in a real cluster.
  const env = productionNodeEnv(database.url!, {
    TRUST_PROXY: "false",
    SERVICE_CLIENTS: JSON.stringify([
      { id: SERVICE.id, name: "Playback", secretSha256: createHash("sha256").update(SERVICE.secret).digest("hex") },
    ]),
  });
  const names = ["A", "B", "C"];
  const startedNodes = await Promise.all(names.slice(0, NODE_COUNT).map((name) => startNode(name, env)));
  nodes.push(...startedNodes);
}, 90_000);

afterAll(async () => {
  // Ends only the processes this file started, each by its own PID.
  await Promise.all(started.map((child) => stopUsherProcess(child)));
  await database?.drop();
}, 60_000);

async function startNode(name: string, env: NodeJS.ProcessEnv): Promise<ClusterNode> {
  return { name, ...(await startUsherProcess(name, env, started)) };
}

function node(index: number): ClusterNode {
  return nodes[index % nodes.length]!;
}

/** POST an OAuth form to `target` as the playback service (or as an app, with no credentials). */
async function oauthCall(target: ClusterNode, path: string, form: Record<string, string>, asService = true) {
  const authorization = `Basic ${Buffer.from(`${SERVICE.id}:${SERVICE.secret}`).toString("base64")}`;
  return fetch(`${target.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...(asService ? { authorization } : {}) },
    body: new URLSearchParams(form).toString(),
  });
}

/** Introspection of `device`'s token on every node: "active" or "inactive" per node. */
async function introspectOnEveryNode(device: Device): Promise<string[]> {
  const answers: string[] = [];
  for (const target of nodes) {
    const response = await oauthCall(target, "/oauth/introspect", { token: device.token });
    const body = (await response.json()) as { active: boolean; sid?: string };
    answers.push(response.status !== 200 ? `HTTP ${response.status}` : body.active ? `active ${body.sid}` : "inactive");
  }
  return answers;
}

/** GET /me with `device` on every node, in turn; one answer per node. */
async function meOnEveryNode(device: Device): Promise<Answer[]> {
  const answers: Answer[] = [];
  for (const target of nodes) answers.push(await call(target, "GET", "/me", device.token));
  return answers;
}

async function expectAcceptedEverywhere(devices: Device[]): Promise<void> {
  for (const device of devices) {
    const answers = await meOnEveryNode(device);
    expect(
      answers.map((answer) => answer.status),
      `${device.name} on nodes ${nodes.map((n) => n.name).join(", ")}`,
    ).toEqual(nodes.map(() => 200));
    expect(await introspectOnEveryNode(device), `${device.name} introspected`).toEqual(nodes.map(() => `active ${device.sessionId}`));
  }
}

async function expectRefusedEverywhere(devices: Device[], reason: string): Promise<void> {
  for (const device of devices) {
    const answers = await meOnEveryNode(device);
    expect(
      answers.map((answer) => `${answer.status} ${answer.code} ${answer.reason}`),
      `${device.name} on nodes ${nodes.map((n) => n.name).join(", ")}`,
    ).toEqual(nodes.map(() => `401 SESSION_REVOKED ${reason}`));
    expect(await introspectOnEveryNode(device), `${device.name} introspected`).toEqual(nodes.map(() => "inactive"));
  }
}

describe("revocation across a cluster of three nodes", () => {
  it("runs three nodes on one database", () => {
    expect(nodes).toHaveLength(3);
    expect(new Set(nodes.map((n) => n.url)).size).toBe(3);
  });

  it("signs out of all devices on node A: every token is refused on every node at its next request", async () => {
    const { devices } = await accountWithDevices(5);
    // Every device is served by every node first, so any per-node cache would hold them.
    await expectAcceptedEverywhere(devices);

    const signedOut = await call(node(0), "POST", "/sessions/sign-out-all", devices[2]!.token);
    expect(signedOut.status, JSON.stringify(signedOut.body)).toBe(200);
    expect(signedOut.body).toEqual({ signedOutDevices: 5 });

    await expectRefusedEverywhere(devices, "signed_out_all_devices");
  });

  it("signs one device out on node B: its token is refused on every node, the others are still served", async () => {
    const { devices } = await accountWithDevices(5);
    await expectAcceptedEverywhere(devices);
    const signedOutDevice = devices[3]!;
    const others = devices.filter((device) => device !== signedOutDevice);

    const answer = await call(node(1), "DELETE", `/sessions/${signedOutDevice.sessionId}`, devices[0]!.token);
    expect(answer.status, JSON.stringify(answer.body)).toBe(204);

    await expectRefusedEverywhere([signedOutDevice], "signed_out_by_other_device");
    await expectAcceptedEverywhere(others);
  });

  it("changes the password on node C with all devices required to sign in: only the new token is served", async () => {
    const { email, devices } = await accountWithDevices(5);
    await expectAcceptedEverywhere(devices);
    const changer = devices[1]!;

    const changed = await call(node(2), "POST", "/account/password", changer.token, {
      currentPassword: PASSWORD,
      newPassword: NEW_PASSWORD,
      signOutOtherDevices: true,
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    const { token, signedOutOtherDevices } = changed.body as { token: string; signedOutOtherDevices: number };
    expect(signedOutOtherDevices).toBe(4);

    // The other four devices, and the changing device's old token, are refused everywhere.
    await expectRefusedEverywhere(devices, "password_changed");
    const replacement: Device = { name: `${changer.name} (new token)`, token, sessionId: token.split(".")[0]! };
    await expectAcceptedEverywhere([replacement]);

    // And the new password is the one that signs in, on any node.
    const signIn = await call(node(0), "POST", "/auth/sign-in", undefined, {
      email,
      password: NEW_PASSWORD,
      client: { kind: "mobile" },
    });
    expect(signIn.status).toBe(200);
  });

  it("signs an app out by RFC 7009 revocation on node A: inactive and refused on every node, the others still served", async () => {
    const { devices } = await accountWithDevices(3);
    await expectAcceptedEverywhere(devices);
    const revoked = await oauthCall(node(0), "/oauth/revoke", { token: devices[1]!.token, client_id: "usher-phone" }, false);
    expect(revoked.status).toBe(200);
    await expectRefusedEverywhere([devices[1]!], "signed_out");
    await expectAcceptedEverywhere([devices[0]!, devices[2]!]);
  });

  it("race: no request that started after the sign-out-all answered is served, on any node", { timeout: 60_000 }, async () => {
    const { devices } = await accountWithDevices(4);
    await expectAcceptedEverywhere(devices);

    const CONCURRENCY = 16; // in-flight requests, over keep-alive connections to all three nodes
    const MIN_REQUESTS = 1_200;
    const REVOKE_AFTER = 500; // answered requests before the sign-out-all is issued
    const MIN_AFTER = 400; // requests that must start after the revocation answered

    interface Outcome {
      node: string;
      start: number;
      status: number;
      code: string | undefined;
    }
    const outcomes: Outcome[] = [];
    let issued = 0;
    let revokedAt = Number.POSITIVE_INFINITY; // T: when the sign-out-all's response arrived
    let startedAfter = 0;
    let answered = 0;
    let revocationIssued!: () => void;
    const readyToRevoke = new Promise<void>((resolve) => (revocationIssued = resolve));

    const worker = async (): Promise<void> => {
      while (issued < MIN_REQUESTS || startedAfter < MIN_AFTER) {
        const n = issued++;
        const target = node(n);
        const device = devices[Math.floor(n / NODE_COUNT) % devices.length]!;
        const start = performance.now();
        if (start > revokedAt) startedAfter++;
        const answer = await call(target, "GET", "/me", device.token);
        outcomes.push({ node: target.name, start, status: answer.status, code: answer.code });
        if (++answered === REVOKE_AFTER) revocationIssued();
        if (issued > 20_000) throw new Error("the race did not finish");
      }
    };

    const revoker = async (): Promise<void> => {
      await readyToRevoke;
      const response = await fetch(`${node(1).url}/api/v1/sessions/sign-out-all`, {
        method: "POST",
        headers: { authorization: `Bearer ${devices[0]!.token}` },
      });
      revokedAt = performance.now(); // T: the moment the answer's headers arrived
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ signedOutDevices: devices.length });
    };

    await Promise.all([revoker(), ...Array.from({ length: CONCURRENCY }, () => worker())]);

    const after = outcomes.filter((o) => o.start > revokedAt);
    const before = outcomes.filter((o) => o.start <= revokedAt);
    const staleAccepts = after.filter((o) => o.status === 200).length;
    const acceptedBefore = before.filter((o) => o.status === 200).length;
    const refusedAfter = after.filter((o) => o.status === 401 && o.code === "SESSION_REVOKED").length;
    const fmt = (value: number) => value.toLocaleString("en-US");
    console.log(
      `race: ${fmt(outcomes.length)} requests on ${nodes.length} nodes, ${fmt(after.length)} started after the revocation answered, ` +
        `${fmt(staleAccepts)} stale accepts, ${fmt(acceptedBefore)} accepted before`,
    );

    expect(outcomes.length).toBeGreaterThanOrEqual(1_000);
    expect(staleAccepts).toBe(0);
    // Every request that started after T is refused as revoked (not failed some other way).
    expect(refusedAfter).toBe(after.length);
    // Before T, a request is either served or (if it ran alongside the revocation) refused.
    for (const o of before) expect([200, 401]).toContain(o.status);
    // The run really interleaved: devices were served before T and refused after it.
    expect(acceptedBefore).toBeGreaterThanOrEqual(REVOKE_AFTER);
    expect(after.length).toBeGreaterThanOrEqual(MIN_AFTER);
    // …on every node, not just the one that took the sign-out-all.
    for (const { name } of nodes) {
      expect(before.filter((o) => o.node === name && o.status === 200).length, `node ${name}`).toBeGreaterThan(0);
      expect(after.filter((o) => o.node === name).length, `node ${name}`).toBeGreaterThan(0);
    }
  });
});
