// A player's hold on a screen, against the real server (on PGlite) over HTTP: it starts, keeps
// the screen with heartbeats, and says why it ended when a heartbeat or a live event tells it;
// on a full plan it says where the account is watching, and on a title the profile may not
// watch that it is restricted. Heartbeats are run by hand (the
// lease's scheduler) and the server's clock is moved, so nothing waits for real time.
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildTestApp, type Device, nextIp, STRONG_PASSWORD, type TestApp, uniqueEmail, withoutPerIpLimits } from "../../../../test/helper";
import { createUsherClient } from "../../../client";
import type { Caller } from "../../lib/usher";
import { endedBy, type LeaseState, openStreamLease, type StreamLease } from "./stream-lease";

const TITLE = "the-lantern-keepers";
const HEARTBEAT_MS = 30_000;

let t: TestApp;
let baseUrl: string;

beforeAll(async () => {
  t = await buildTestApp({ config: withoutPerIpLimits });
  await t.app.listen({ port: 0, host: "127.0.0.1" });
  baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});

afterAll(async () => t?.close());

/** An app signed in to an account on `plan`, as the web app's fetchers see it: a Caller. */
async function household(plan: "basic" | "standard" | "premium", devices: number) {
  const email = uniqueEmail("player");
  const browser = t.browser({ ip: nextIp() });
  expect((await browser.signUp(email, STRONG_PASSWORD, { profileName: "Jo" })).statusCode).toBe(201);
  expect((await browser.put("/api/v1/account/plan", { plan })).statusCode).toBe(200);
  const phones: { device: Device; as: Caller }[] = [];
  for (let i = 1; i <= devices; i++) {
    const device = t.phoneApp({ name: `Phone ${i}`, ip: nextIp() });
    expect((await device.signIn(email)).statusCode).toBe(200);
    const client = createUsherClient({ baseUrl, auth: { mode: "bearer", token: device.token! } });
    phones.push({ device, as: { client, options: { signedIn: false, reauth: false } } });
  }
  return { browser, phones };
}

/** A lease whose heartbeats wait to be run by `beat()`, with every state it reported. */
function player(as: Caller) {
  const states: LeaseState[] = [];
  let due: (() => void) | undefined;
  let dueIn: number | undefined;
  const lease: StreamLease = openStreamLease({
    titleId: TITLE,
    as,
    onChange: (state) => states.push(state),
    schedule: (run, ms) => {
      due = run;
      dueIn = ms;
      return () => {
        if (due === run) due = undefined;
      };
    },
  });
  const last = () => states[states.length - 1];
  return {
    lease,
    last,
    /** Waits until the lease reports `status`. */
    reached: (status: LeaseState["status"]) => vi.waitFor(() => expect(last()?.status).toBe(status)),
    /** Runs the heartbeat that is due, and waits for its answer (the next one due, or an end). */
    async beat() {
      const run = due;
      expect(run, "a heartbeat is due").toBeDefined();
      due = undefined;
      run!();
      await vi.waitFor(() => expect(due !== undefined || last()?.status !== "playing").toBe(true));
    },
    dueIn: () => dueIn,
    hasBeatDue: () => due !== undefined,
  };
}

/** How many of the account's streams are still playing, as its streaming activity says. */
async function playingNow(owner: Device): Promise<number> {
  const { streams } = (await owner.get("/api/v1/streams/activity")).json() as { streams: { endedAt: string | null }[] };
  return streams.filter((stream) => stream.endedAt === null).length;
}

/** The phone watches as the account's profile (as a stream must, for parental controls to reach it); answers its id. */
async function watchAsTheProfile(owner: Device, phone: Device): Promise<string> {
  const { profiles } = (await owner.get("/api/v1/profiles")).json() as { profiles: { id: string }[] };
  const profileId = profiles[0]!.id;
  expect((await phone.post(`/api/v1/profiles/${profileId}/choose`)).statusCode).toBe(200);
  return profileId;
}

/** The owner blocks TITLE on the profile, with Profile & Parental Controls. */
async function blockTitle(owner: Device, profileId: string): Promise<void> {
  const blocked = await owner.patch(`/api/v1/profiles/${profileId}/parental-controls`, {
    currentPassword: STRONG_PASSWORD,
    restrictedTitleIds: [TITLE],
  });
  expect(blocked.statusCode).toBe(200);
}

const streamIdOf = (state: LeaseState | undefined) => (state?.status === "playing" ? state.streamId : undefined);

describe("a player's stream lease", () => {
  it("starts, keeps its screen with a heartbeat every heartbeatMs, and frees it when released", async () => {
    const { browser, phones } = await household("basic", 2);
    const one = player(phones[0]!.as);
    await one.reached("playing");
    expect(one.last()).toMatchObject({ status: "playing", heartbeatMs: HEARTBEAT_MS });
    expect(one.dueIn()).toBe(HEARTBEAT_MS);
    t.clock.advance(HEARTBEAT_MS);
    await one.beat();
    expect(one.last()?.status).toBe("playing");
    expect(one.hasBeatDue()).toBe(true);

    one.lease.release();
    expect(one.hasBeatDue()).toBe(false);
    // The screen is free for the other device at once, not after two missed heartbeats.
    await vi.waitFor(async () => expect(await playingNow(browser)).toBe(0));
    const two = player(phones[1]!.as);
    await two.reached("playing");
    two.lease.release();
  });

  it("says where the account is watching when every screen of the plan is taken", async () => {
    const { phones } = await household("basic", 2);
    const one = player(phones[0]!.as);
    await one.reached("playing");
    const two = player(phones[1]!.as);
    await two.reached("too-many");
    expect(two.last()).toEqual({
      status: "too-many",
      watching: [
        {
          device: { kind: "mobile", name: "Phone 1" },
          profileName: null,
          title: { id: TITLE, name: expect.any(String) },
          since: expect.any(String),
        },
      ],
    });
    expect(two.hasBeatDue()).toBe(false);
    one.lease.release();
  });

  it("ends with stopped_from_another_device at the next heartbeat when another device stops it", async () => {
    const { phones } = await household("standard", 2);
    const one = player(phones[0]!.as);
    await one.reached("playing");
    const stop = await phones[1]!.device.delete(`/api/v1/streams/${streamIdOf(one.last())}`);
    expect(stop.statusCode).toBe(204);
    await one.beat();
    expect(one.last()).toEqual({ status: "ended", reason: "stopped_from_another_device" });
    expect(one.hasBeatDue()).toBe(false);
  });

  it("ends with expired when its heartbeats lapsed past two intervals", async () => {
    const { phones } = await household("standard", 1);
    const one = player(phones[0]!.as);
    await one.reached("playing");
    t.clock.advance(2 * HEARTBEAT_MS + 1);
    await one.beat();
    expect(one.last()).toEqual({ status: "ended", reason: "expired" });
  });

  it("ends with restricted at the next heartbeat when parental controls block the title it plays", async () => {
    const { browser, phones } = await household("standard", 1);
    const profileId = await watchAsTheProfile(browser, phones[0]!.device);
    const one = player(phones[0]!.as);
    await one.reached("playing");
    await blockTitle(browser, profileId);
    await one.beat();
    expect(one.last()).toEqual({ status: "ended", reason: "restricted" });
    expect(one.hasBeatDue()).toBe(false);
  });

  it("says restricted, holding no screen, when the profile may not watch the title", async () => {
    const { browser, phones } = await household("standard", 1);
    await blockTitle(browser, await watchAsTheProfile(browser, phones[0]!.device));
    const one = player(phones[0]!.as);
    await one.reached("restricted");
    expect(one.last()).toEqual({ status: "restricted" });
    expect(one.hasBeatDue()).toBe(false);
    expect(await playingNow(browser)).toBe(0);
  });

  it("ends with signed_out when its session was signed out of all devices", async () => {
    const { browser, phones } = await household("standard", 1);
    const one = player(phones[0]!.as);
    await one.reached("playing");
    expect((await browser.post("/api/v1/sessions/sign-out-all")).statusCode).toBe(200);
    await one.beat();
    expect(one.last()).toEqual({ status: "ended", reason: "signed_out" });
  });

  it("ends at once on a stream-ended event for its own stream, and ignores other streams' events", async () => {
    const { phones } = await household("standard", 1);
    const one = player(phones[0]!.as);
    await one.reached("playing");
    const streamId = streamIdOf(one.last())!;
    one.lease.streamEnded({ streamId: "someone-elses-stream-id", titleId: TITLE, reason: "stopped_from_another_device" });
    expect(one.last()?.status).toBe("playing");
    one.lease.streamEnded({ streamId, titleId: TITLE, reason: "stopped_from_another_device" });
    expect(one.last()).toEqual({ status: "ended", reason: "stopped_from_another_device" });
    expect(one.hasBeatDue(), "no heartbeat after the end").toBe(false);
  });

  it("ends at once when this browser is signed out, and frees the screen it is given if left while starting", async () => {
    const { phones } = await household("basic", 2);
    const one = player(phones[0]!.as);
    await one.reached("playing");
    one.lease.signedOut();
    expect(one.last()).toEqual({ status: "ended", reason: "signed_out" });

    // Released before the start answered: the screen it got is given back, and nothing is shown.
    const { browser: owner, phones: others } = await household("basic", 1);
    const left = player(others[0]!.as);
    left.lease.release();
    await vi.waitFor(async () => {
      expect((await owner.get("/api/v1/streams/activity")).json()).toMatchObject({ streams: [{ endedAt: expect.any(String) }] });
    });
    expect(left.last()).toBeUndefined();
  });

  it("lets a player opened while a left one is still starting keep its screen (a quick Back and Play again)", async () => {
    const { browser, phones } = await household("basic", 1);
    const left = player(phones[0]!.as);
    left.lease.release();
    const again = player(phones[0]!.as);
    await again.reached("playing");
    await again.beat();
    expect(again.last()?.status).toBe("playing");
    await vi.waitFor(async () => expect(await playingNow(browser)).toBe(1));
    again.lease.release();
  });
});

describe("endedBy", () => {
  it("keeps heartbeating through a lost connection or a fault", () => {
    expect(endedBy(new Error("offline"))).toBeUndefined();
  });
});
