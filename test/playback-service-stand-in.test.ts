// The example playback service (examples/playback-service) against a stand-in for Usher whose
// answers each test sets: how it reads Usher's catalogue and decides what a profile may watch
// before it asks Usher for a stream, and that any answer Usher doesn't give (5xx, nonsense,
// silence) is a 503, never a play nor a sign-out. The same service in front of a real Usher is
// playback-service.test.ts's.
import { once } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { usherCatalogue } from "../examples/playback-service/catalogue";
import { buildPlaybackService, type PlaybackServiceOptions } from "../examples/playback-service/server";
import { catalogue } from "../src/core/catalogue/titles";
import { cryptoRandom } from "../src/core/crypto/random";
import { newServiceSecret } from "../src/core/services/service-clients";
import { LogCapture } from "./support/log-capture";

const secret = newServiceSecret(cryptoRandom);
const logs = new LogCapture();
logs.remember(secret);
const started: FastifyInstance[] = [];

/** A playback service on a free port, asking the stand-in; its log is checked for leaks at the end. */
async function startPlayback(options: Partial<PlaybackServiceOptions> & { usherUrl: string }): Promise<string> {
  const service = buildPlaybackService({
    clientId: "playback",
    clientSecret: secret,
    logger: { level: "info", stream: logs.stream },
    ...options,
  });
  started.push(service);
  return service.listen({ host: "127.0.0.1", port: 0 });
}

afterAll(async () => {
  for (const service of started) await service.close();
  expect(logs.leaks()).toEqual([]);
});

const play = (titleId: string, headers: Record<string, string>, base: string) => fetch(`${base}/play/${titleId}`, { headers });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const TITLE = "the-lantern-keepers";
const TITLE_NOT_FOUND = { error: { code: "TITLE_NOT_FOUND", message: "There is no such title in the catalogue." } };
const TITLE_RESTRICTED = { error: { code: "TITLE_RESTRICTED", message: "This title isn't available on this profile." } };

type Answer = (request: IncomingMessage, response: ServerResponse) => void;

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Answer =>
  (_, response) =>
    response.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));

/** Stand-ins to close after each test. */
const closing: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closing.splice(0)) await close();
});

/**
 * A stand-in for Usher that answers each `METHOD /path` as the test sets it, and logs what it was
 * asked. It refuses the verifier's subscription, so the verifier asks it about every request.
 */
async function standInUsher(routes: Record<string, Answer>) {
  const asked: { route: string; authorization?: string; body: string }[] = [];
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      const route = `${request.method} ${request.url}`;
      if (route === "GET /oauth/session-changes") return void response.writeHead(404).end();
      asked.push({ route, authorization: request.headers.authorization, body });
      (routes[route] ?? json(404, { error: { code: "NOT_FOUND" } }))(request, response);
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  closing.push(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, routes, asked };
}

const SECONDS = Math.floor(Date.now() / 1000);
/** Usher's introspection answer for a phone watching as `profile`. */
const liveSession = (profile: object | null) => ({
  active: true,
  sub: "acc-jo",
  sid: "sid-jo",
  exp: SECONDS + 3_600,
  iat: SECONDS - 60,
  auth_time: SECONDS - 60,
  token_type: "Bearer",
  aal: 1,
  plan: "standard",
  device: { kind: "mobile", name: "Jo's phone" },
  profile,
});
/** Up to 13+, and Quiet Harbour (13+) blocked. */
const TEEN = { id: "prof_teen", name: "Sam", kids: false, max_rating: "13+", restricted_titles: ["quiet-harbour"] };
const titlesFor = (cacheControl: string) => json(200, { titles: catalogue }, { "cache-control": cacheControl });

describe("Usher's catalogue, and what it decides, against a stand-in for Usher", () => {
  const expectRefused = async (response: Response, status: number, body: unknown) => {
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual(body);
  };

  it("refuses a title the profile may not watch, or one Usher doesn't list, before it asks Usher for a stream", async () => {
    const usher = await standInUsher({
      "POST /oauth/introspect": json(200, liveSession(TEEN)),
      "GET /api/v1/titles": titlesFor("public, max-age=300"),
      "POST /api/v1/streams": json(201, { stream: { id: "S".repeat(22) }, heartbeatMs: 30_000 }),
    });
    const base = await startPlayback({ usherUrl: usher.url });
    const start = (titleId: string) =>
      fetch(`${base}/streams`, {
        method: "POST",
        headers: { ...bearer("sess_sam.token"), "content-type": "application/json" },
        body: JSON.stringify({ titleId }),
      });

    // Rated above 13+, and blocked on the profile though rated 13+.
    for (const titleId of ["orbit-of-ash", "quiet-harbour"]) {
      await expectRefused(await play(titleId, bearer("sess_sam.token"), base), 403, TITLE_RESTRICTED);
      await expectRefused(await start(titleId), 403, TITLE_RESTRICTED);
    }
    await expectRefused(await play("night-train", bearer("sess_sam.token"), base), 404, TITLE_NOT_FOUND);
    await expectRefused(await start("night-train"), 404, TITLE_NOT_FOUND);
    expect(usher.asked.filter(({ route }) => route === "POST /api/v1/streams")).toEqual([]);

    expect((await play(TITLE, bearer("sess_sam.token"), base)).status).toBe(200);
    expect(await (await start(TITLE)).json()).toEqual({ streamId: "S".repeat(22), heartbeatMs: 30_000 });
    // The catalogue was fetched once, without the viewer's token, for all of it.
    expect(usher.asked.filter(({ route }) => route === "GET /api/v1/titles")).toEqual([{ route: "GET /api/v1/titles", body: "" }]);
  });

  it("passes on Usher's own refusal of a title the profile may not watch", async () => {
    const refusal = { error: { code: "TITLE_RESTRICTED", message: "Its maturity rating or the profile's parental controls keep it out." } };
    const usher = await standInUsher({
      "POST /oauth/introspect": json(200, liveSession(null)),
      "GET /api/v1/titles": titlesFor("public, max-age=300"),
      "POST /api/v1/streams": json(403, refusal),
    });
    const base = await startPlayback({ usherUrl: usher.url });
    const started = await fetch(`${base}/streams`, {
      method: "POST",
      headers: { ...bearer("sess_jo.token"), "content-type": "application/json" },
      body: JSON.stringify({ titleId: "orbit-of-ash" }),
    });
    await expectRefused(started, 403, TITLE_RESTRICTED);
  });

  it("answers 503 while Usher's catalogue can't be had, and plays once it can", async () => {
    const usher = await standInUsher({
      "POST /oauth/introspect": json(200, liveSession(TEEN)),
      "GET /api/v1/titles": json(503, { error: { code: "UNAVAILABLE" } }),
    });
    const base = await startPlayback({ usherUrl: usher.url });
    await expectRefused(await play(TITLE, bearer("sess_sam.token"), base), 503, { error: "usher_unavailable" });
    usher.routes["GET /api/v1/titles"] = json(200, { titles: [{ ...catalogue[0], rating: "21+" }] });
    await expectRefused(await play(TITLE, bearer("sess_sam.token"), base), 503, { error: "usher_unavailable" });
    const reasons = logs.lines
      .map((line) => JSON.parse(line))
      .filter((entry) => entry.msg === "could not fetch Usher's catalogue")
      .map((entry) => entry.reason);
    expect(reasons.slice(-2)).toEqual(["Usher's catalogue answered 503", "Usher's catalogue was not a list it gives"]);

    usher.routes["GET /api/v1/titles"] = titlesFor("public, max-age=300");
    expect((await play(TITLE, bearer("sess_sam.token"), base)).status).toBe(200);
  });

  it("keeps the catalogue for its max-age, less the Age a cache on the way gave it, then fetches it again", async () => {
    let clock = 0;
    const usher = await standInUsher({
      "GET /api/v1/titles": (request, response) => {
        response.setHeader("age", "100");
        titlesFor("public, max-age=300")(request, response);
      },
    });
    const titles = usherCatalogue({ usherUrl: usher.url, timeoutMs: 1_000, onFailure: () => {}, now: () => clock });
    const fetches = () => usher.asked.length;

    expect((await titles.titles())?.get("orbit-of-ash")).toEqual({
      id: "orbit-of-ash",
      name: "Orbit of Ash",
      rating: "18+",
      forKids: false,
    });
    clock = 199_999;
    await titles.titles();
    expect(fetches()).toBe(1);
    clock = 200_000;
    // Asked together once it is stale: one fetch for both.
    await Promise.all([titles.titles(), titles.titles()]);
    expect(fetches()).toBe(2);

    usher.routes["GET /api/v1/titles"] = titlesFor("no-store");
    clock += 300_000;
    await titles.titles();
    await titles.titles();
    expect(fetches()).toBe(4);
  });
});

describe("when Usher gives no answer", () => {
  const expectUnavailable = async (response: Response) => {
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ error: "usher_unavailable" });
  };
  const loggedReasons = () =>
    logs.lines.map((line) => JSON.parse(line)).filter((entry) => entry.msg === "could not ask Usher about the viewer's session");

  it("answers 503 when Usher answers 5xx, slows the service down, answers nonsense or takes too long", async () => {
    const phoneToken = "sess_jo.0123456789abcdefghijklmnopqrstuvwxyz";
    logs.remember(phoneToken);
    const usher = await standInUsher({ "GET /api/v1/titles": titlesFor("public, max-age=300") });
    const introspect = (answer: Answer) => {
      usher.routes["POST /oauth/introspect"] = answer;
    };
    const base = await startPlayback({ usherUrl: usher.url, usherTimeoutMs: 100 });

    introspect(json(500, { error: "server_error" }));
    await expectUnavailable(await play(TITLE, bearer(phoneToken), base));
    // What a standard Usher client sends: the token form-encoded in the body, the credentials Basic.
    expect(usher.asked[0]).toEqual({
      route: "POST /oauth/introspect",
      authorization: `Basic ${Buffer.from(`playback:${secret}`).toString("base64")}`,
      body: new URLSearchParams({ token: phoneToken }).toString(),
    });

    introspect(json(429, { error: "slow_down" }, { "retry-after": "7" }));
    const slowed = await play(TITLE, bearer(phoneToken), base);
    expect(slowed.headers.get("retry-after")).toBe("7");
    await expectUnavailable(slowed);

    const { max_rating: _rating, ...withoutRating } = TEEN;
    const nonsense = [
      { active: "true" },
      { active: true },
      { active: true, sub: "a", sid: "s", plan: "gold" },
      [],
      liveSession(withoutRating),
    ];
    for (const answer of nonsense) {
      introspect(json(200, answer));
      await expectUnavailable(await play(TITLE, bearer(phoneToken), base));
    }
    introspect((_, response) => response.writeHead(200).end("<html>gateway</html>"));
    await expectUnavailable(await play(TITLE, bearer(phoneToken), base));

    introspect(() => {}); // never answers
    await expectUnavailable(await play(TITLE, bearer(phoneToken), base));
    expect(loggedReasons().at(-1).reason).toBe("no answer from Usher within 100 ms");
    // Nothing was played: the catalogue was never needed.
    expect(usher.asked.filter(({ route }) => route === "GET /api/v1/titles")).toEqual([]);
  });
});
