// The cached verifier across a cluster: three Usher nodes on one PostgreSQL and three playback
// services (examples/playback-service) each subscribed to a different node, answering from their
// caches. Once a change has been answered, at least 1,000 requests racing across the three
// services meet 0 stale accepts: for sign out of all devices, one device signed out from the
// device list, a password change with "Require all devices to sign in again", and a profile made
// a Kids profile, given a lower maturity rating or a title blocked. Then the partitions: a service
// stopped (SIGSTOP) while it holds a lease, and a node's LISTEN connection terminated mid-run.
import type { ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountWithDevices, type ClusterNode, call, type Device, PASSWORD } from "../support/cluster";
import { adminQuery, createTestDatabase, type TestDatabase } from "../support/databases";
import { type PlaybackProcess, startPlaybackProcess, stopPlaybackProcess } from "../support/playback-process";
import { productionNodeEnv, startUsherProcess, stopUsherProcess } from "../support/usher-process";

const SERVICE = { id: "playback", secret: randomBytes(32).toString("base64url") };
/** The longest lease a verifier is granted, plus the drift margin (defaultLeaseTimings). */
const VERIFIER_LEASE_MS = 4_000 + 200;
const RACE_REQUESTS = 1_050;
/** Any title plays to a profile before its parental controls change. */
const TITLE = "the-lantern-keepers";
/** Rated 18+, not made for children. */
const ADULT_TITLE = "orbit-of-ash";

interface Service extends PlaybackProcess {
  name: string;
}

interface VerifierStatus {
  subscribed: boolean;
  leaseFresh: boolean;
  cached: { live: number; inactive: number };
}

let database: TestDatabase | undefined;
const nodes: ClusterNode[] = [];
const services: Service[] = [];
const started: ChildProcess[] = [];
const startedServices: ChildProcess[] = [];

beforeAll(async () => {
  database = await createTestDatabase("postgres");
  const env = productionNodeEnv(database.url!, {
    SERVICE_CLIENTS: JSON.stringify([
      { id: SERVICE.id, name: "Playback", secretSha256: createHash("sha256").update(SERVICE.secret).digest("hex") },
    ]),
  });
  const names = ["A", "B", "C"];
  nodes.push(...(await Promise.all(names.map(async (name) => ({ name, ...(await startUsherProcess(name, env, started)) })))));
  // Service i subscribes to node i: a change made on any node must reach all three.
  services.push(
    ...(await Promise.all(
      nodes.map(async (node, i) => ({ name: `playback ${i + 1}`, ...(await startPlaybackProcess(node.url, SERVICE, startedServices)) })),
    )),
  );
  for (const service of services) await leaseHeld(service);
}, 120_000);

afterAll(async () => {
  await Promise.all(startedServices.map((child) => stopPlaybackProcess(child)));
  await Promise.all(started.map((child) => stopUsherProcess(child)));
  await database?.drop();
}, 60_000);

async function statusOf(service: Service): Promise<VerifierStatus> {
  return (await (await fetch(`${service.url}/healthz`)).json()) as VerifierStatus;
}

/** Resolves once `service`'s verifier holds a lease (20 s at most). */
async function leaseHeld(service: Service): Promise<void> {
  const until = performance.now() + 20_000;
  while (!(await statusOf(service)).leaseFresh) {
    if (performance.now() > until) throw new Error(`${service.name} holds no lease after 20 s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const play = (service: Service, token: string, title = TITLE) =>
  fetch(`${service.url}/play/${title}`, { headers: { authorization: `Bearer ${token}` } });

/** Every device is played to by every service, so every service's cache holds its session. */
async function warm(devices: Device[], title = TITLE): Promise<void> {
  for (const service of services) {
    for (const device of devices) expect((await play(service, device.token, title)).status, `${device.name} on ${service.name}`).toBe(200);
    const status = await statusOf(service);
    expect(status.leaseFresh, `${service.name} holds a lease`).toBe(true);
    expect(status.cached.live, `${service.name} caches the sessions`).toBeGreaterThanOrEqual(devices.length);
  }
}

/**
 * `count` requests for `tokens` spread over every service (or `targets`), `inFlight` at a time,
 * each started now or later. Answers how many got each status.
 */
async function race(tokens: string[], options: { title?: string; count?: number; targets?: Service[] } = {}): Promise<Map<number, number>> {
  const { title = TITLE, count = RACE_REQUESTS, targets = services } = options;
  const statuses = new Map<number, number>();
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const response = await play(targets[i % targets.length]!, tokens[i % tokens.length]!, title);
      await response.arrayBuffer();
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: 48 }, worker));
  return statuses;
}

/** `count` devices of a fresh account, all watching as its first profile (chosen on node B). */
async function devicesWatchingOneProfile(count: number): Promise<{ devices: Device[]; profileId: string }> {
  const { devices } = await accountWithDevices(nodes, count);
  const profiles = (await call(nodes[0]!, "GET", "/profiles", devices[0]!.token)).body as { profiles: Array<{ id: string }> };
  const profileId = profiles.profiles[0]!.id;
  for (const device of devices) expect((await call(nodes[1]!, "POST", `/profiles/${profileId}/choose`, device.token, {})).status).toBe(200);
  return { devices, profileId };
}

/** Every raced request was refused as signed out: 0 stale accepts, and no answer that is not one. */
function expectAllSignedOut(statuses: Map<number, number>, count = RACE_REQUESTS): void {
  expect(Object.fromEntries(statuses)).toEqual({ 401: count });
}

describe("the cached verifier across three nodes and three services", () => {
  it("answers from each service's cache while every service holds a lease", async () => {
    const { devices } = await accountWithDevices(nodes, 2);
    await warm(devices);
    expect(
      Object.fromEntries(
        await race(
          devices.map((d) => d.token),
          { count: 300 },
        ),
      ),
    ).toEqual({ 200: 300 });
  });

  it("signs out of all devices on node A: 0 stale accepts among 1,000+ requests racing across the services", async () => {
    const { devices } = await accountWithDevices(nodes, 4);
    await warm(devices);
    const signedOut = await call(nodes[0]!, "POST", "/sessions/sign-out-all", devices[0]!.token);
    expect(signedOut.status).toBe(200);
    expectAllSignedOut(await race(devices.map((d) => d.token)));
  });

  it("signs one device out from the device list on node B: that device 0 stale, the others still served", async () => {
    const { devices } = await accountWithDevices(nodes, 3);
    await warm(devices);
    const [keeper, signedOut, other] = devices as [Device, Device, Device];
    expect((await call(nodes[1]!, "DELETE", `/sessions/${signedOut.sessionId}`, keeper.token)).status).toBe(204);
    expectAllSignedOut(await race([signedOut.token]));
    expect(Object.fromEntries(await race([keeper.token, other.token], { count: 300 }))).toEqual({ 200: 300 });
  });

  it("changes the password on node C with all devices required to sign in again: 0 stale accepts", async () => {
    const { devices } = await accountWithDevices(nodes, 4);
    await warm(devices);
    const changed = await call(nodes[2]!, "POST", "/account/password", devices[1]!.token, {
      currentPassword: PASSWORD,
      newPassword: "copper-lantern-meadow-77",
      signOutOtherDevices: true,
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expectAllSignedOut(await race(devices.map((d) => d.token)));
    const { token } = changed.body as { token: string };
    expect((await play(services[0]!, token)).status).toBe(200);
  });

  it("makes the profile a device watches as a Kids profile: every service sees the new claims at once", async () => {
    const { devices, profileId } = await devicesWatchingOneProfile(2);
    await warm(devices, ADULT_TITLE);
    const updated = await call(nodes[2]!, "PATCH", `/profiles/${profileId}`, devices[0]!.token, { isKids: true });
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    // Held back from a Kids profile: a stale answer (the old claims) would play it.
    expect(
      Object.fromEntries(
        await race(
          devices.map((d) => d.token),
          { title: ADULT_TITLE },
        ),
      ),
    ).toEqual({ 403: RACE_REQUESTS });
  });

  it("lowers the maturity rating of the profile a device watches as: every service refuses the title at once", async () => {
    const { devices, profileId } = await devicesWatchingOneProfile(2);
    await warm(devices, ADULT_TITLE);
    const lowered = await call(nodes[2]!, "PATCH", `/profiles/${profileId}/parental-controls`, devices[0]!.token, {
      currentPassword: PASSWORD,
      maxRating: "13+",
    });
    expect(lowered.status, JSON.stringify(lowered.body)).toBe(200);
    expect(lowered.body).toMatchObject({ parentalControls: { maxRating: "13+" } });
    const tokens = devices.map((d) => d.token);
    expect(Object.fromEntries(await race(tokens, { title: ADULT_TITLE }))).toEqual({ 403: RACE_REQUESTS });
    // Rated 13+: still played, so the refusals are the rating's, not a session's.
    expect(Object.fromEntries(await race(tokens, { title: TITLE, count: 300 }))).toEqual({ 200: 300 });
  });

  it("blocks a title on the profile a device watches as: every service refuses that title at once, and only it", async () => {
    const { devices, profileId } = await devicesWatchingOneProfile(2);
    await warm(devices, ADULT_TITLE);
    const blocked = await call(nodes[0]!, "PATCH", `/profiles/${profileId}/parental-controls`, devices[1]!.token, {
      currentPassword: PASSWORD,
      restrictedTitleIds: [ADULT_TITLE],
    });
    expect(blocked.status, JSON.stringify(blocked.body)).toBe(200);
    const tokens = devices.map((d) => d.token);
    expect(Object.fromEntries(await race(tokens, { title: ADULT_TITLE }))).toEqual({ 403: RACE_REQUESTS });
    // Also rated 18+, and not blocked.
    expect(Object.fromEntries(await race(tokens, { title: "cold-ledger", count: 300 }))).toEqual({ 200: 300 });
  });
});

describe("partitions", () => {
  it("answers a sign-out within the lease of a stopped service, which then accepts none of the revoked tokens", async () => {
    const { devices } = await accountWithDevices(nodes, 3);
    await warm(devices);
    const stopped = services[1]!;
    process.kill(stopped.child.pid!, "SIGSTOP");
    try {
      const asked = performance.now();
      const signedOut = await call(nodes[0]!, "POST", "/sessions/sign-out-all", devices[0]!.token);
      const tookMs = performance.now() - asked;
      expect(signedOut.status).toBe(200);
      // The stopped service never acknowledges: the answer waits out its lease, and no more.
      expect(tookMs).toBeLessThan(VERIFIER_LEASE_MS + 1_000);

      // Requests that start after the answer queue up at the stopped service, with its pushes.
      const queued = race(
        devices.map((d) => d.token),
        { count: 150, targets: [stopped] },
      );
      process.kill(stopped.child.pid!, "SIGCONT");
      expectAllSignedOut(await queued, 150);
      expectAllSignedOut(await race(devices.map((d) => d.token)));
    } finally {
      process.kill(stopped.child.pid!, "SIGCONT");
    }
    // Caught up, it is renewed again.
    await leaseHeld(stopped);
  });

  it("terminates a node's LISTEN connection mid-run: 0 stale accepts, and every service holds a lease again", async () => {
    const { devices } = await accountWithDevices(nodes, 3);
    const bystanders = await accountWithDevices(nodes, 2);
    await warm([...devices, ...bystanders.devices]);
    // Live traffic keeps flowing while the listener goes.
    const running = race(
      bystanders.devices.map((d) => d.token),
      { count: 600 },
    );
    const databaseName = new URL(database!.url!).pathname.slice(1);
    await adminQuery(
      `select pg_terminate_backend(pid) from pg_stat_activity
       where application_name = 'usher-session-changes' and datname = '${databaseName}' and pid = (
         select min(pid) from pg_stat_activity where application_name = 'usher-session-changes' and datname = '${databaseName}')`,
    );
    const signedOut = await call(nodes[0]!, "POST", "/sessions/sign-out-all", devices[0]!.token);
    expect(signedOut.status).toBe(200);
    expectAllSignedOut(await race(devices.map((d) => d.token)));
    expect(Object.fromEntries(await running)).toEqual({ 200: 600 });
    for (const service of services) await leaseHeld(service);
  });
});
