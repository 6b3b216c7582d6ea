// Attack: walking around per-IP throttles by writing X-Forwarded-For. Behind a load balancer
// the client controls every entry but the ones the balancers append, so only those count:
// with one trusted hop, rotating the leftmost entries changes nothing, and the address the
// balancer saw is the one throttled, listed with the device and emailed in the notice.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { minutes } from "../../src/core/clock";
import { buildTestApp, errorCode, nextIp, STRONG_PASSWORD, type TestApp, uniqueEmail } from "../helper";

const BALANCER = "192.168.0.2";
let attempt = 0;
/** A different made-up address in every request's X-Forwarded-For, as a spraying attacker writes it. */
const spoofed = () => `198.18.${(++attempt >> 8) & 255}.${attempt & 255}`;

describe("one trusted hop (TRUST_PROXY=1)", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({
      trustProxy: { hops: 1 },
      config: (c) => ({
        ...c,
        limits: { ...c.limits, signInPerIp: { limit: 8, windowMs: minutes(15) }, signUpPerIp: { limit: 5, windowMs: minutes(60) } },
      }),
    });
  });
  afterAll(async () => t?.close());

  /** A browser behind the balancer: every request arrives from the balancer, naming `client` last. */
  const behindBalancer = (client: string) => {
    const device = t.browser({ ip: BALANCER, headers: { "x-forwarded-for": `198.18.255.255, ${client}` } });
    return {
      device,
      signIn: (email: string, password = STRONG_PASSWORD) =>
        device.post("/api/v1/auth/sign-in", { email, password }, { headers: { "x-forwarded-for": `${spoofed()}, ${client}` } }),
      signUp: (email: string) =>
        device.post(
          "/api/v1/auth/sign-up",
          { email, password: STRONG_PASSWORD },
          { headers: { "x-forwarded-for": `${spoofed()}, ${client}` } },
        ),
    };
  };

  it("throttles a sign-in spray with a rotating X-Forwarded-For as the one client the balancer saw", async () => {
    const attacker = behindBalancer("203.0.113.66");
    const answers = [];
    for (let i = 0; i < 12; i++) answers.push((await attacker.signIn(uniqueEmail(`spray${i}`), "guess-guess-guess")).statusCode);
    expect(answers.slice(0, 8)).toEqual(Array(8).fill(401));
    expect(answers.slice(8)).toEqual(Array(4).fill(429));
    // Another client behind the same balancer is not held back.
    const someoneElse = behindBalancer("203.0.113.67");
    const email = uniqueEmail("neighbour");
    expect((await someoneElse.signUp(email)).statusCode).toBe(201);
  });

  it("caps sign-ups per client however the X-Forwarded-For rotates", async () => {
    const attacker = behindBalancer("203.0.113.70");
    const answers = [];
    for (let i = 0; i < 8; i++) answers.push((await attacker.signUp(uniqueEmail(`farm${i}`))).statusCode);
    expect(answers).toEqual([201, 201, 201, 201, 201, 429, 429, 429]);
  });

  it("records the address the balancer saw, not the one the client wrote, in the device list, the activity and the new-sign-in email", async () => {
    const email = uniqueEmail("recorded");
    expect((await t.browser({ ip: nextIp() }).signUp(email)).statusCode).toBe(201);
    t.clock.advance(1_000); // the activity lists the newest first
    const traveller = behindBalancer("203.0.113.80");
    expect((await traveller.signIn(email)).statusCode).toBe(200);

    const sessions = (await traveller.device.get("/api/v1/sessions")).json().sessions as { current: boolean; ip: string }[];
    expect(sessions.find((s) => s.current)?.ip).toBe("203.0.113.80");
    const events = (await traveller.device.get("/api/v1/account/activity")).json().events as { type: string; ip: string }[];
    expect(events.find((e) => e.type === "signed_in")?.ip).toBe("203.0.113.80");
    await t.delivered();
    const notice = t.sent.find((m) => m.channel === "email" && m.to === email && m.template === "new_sign_in");
    expect(notice?.channel === "email" && notice.text).toContain("IP address: 203.0.113.80");
  });

  it("ignores X-Forwarded-For from a client that reaches the node directly, past no balancer", async () => {
    // With one trusted hop the connecting peer is taken for the balancer, so nodes trusted by
    // count must only be reachable through it; a list of proxy addresses needs no such care.
    const direct = t.browser({ ip: "203.0.113.90" });
    const response = await direct.get("/api/v1/sessions", { headers: { "x-forwarded-for": "198.51.100.1" } });
    expect(errorCode(response)).toBe("UNAUTHENTICATED");
  });
});

describe("trusted proxy addresses (TRUST_PROXY=10.0.0.0/8)", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({
      trustProxy: { proxies: ["10.0.0.0/8"] },
      config: (c) => ({ ...c, limits: { ...c.limits, signInPerIp: { limit: 5, windowMs: minutes(15) } } }),
    });
  });
  afterAll(async () => t?.close());

  it("walks back through trusted proxies to the first address none of them is, and throttles that", async () => {
    const answers = [];
    for (let i = 0; i < 7; i++) {
      const device = t.browser({ ip: "10.1.2.3" });
      const forwarded = `${spoofed()}, 198.51.100.44, 10.9.9.9`;
      answers.push(
        (
          await device.post(
            "/api/v1/auth/sign-in",
            { email: uniqueEmail("x"), password: "guess-guess-guess" },
            { headers: { "x-forwarded-for": forwarded } },
          )
        ).statusCode,
      );
    }
    expect(answers).toEqual([401, 401, 401, 401, 401, 429, 429]);
  });

  it("takes a connection from outside the trusted ranges as the client, whatever it forwards", async () => {
    const answers = [];
    for (let i = 0; i < 7; i++) {
      const device = t.browser({ ip: "203.0.113.99" });
      answers.push(
        (
          await device.post(
            "/api/v1/auth/sign-in",
            { email: uniqueEmail("y"), password: "guess-guess-guess" },
            { headers: { "x-forwarded-for": spoofed() } },
          )
        ).statusCode,
      );
    }
    expect(answers).toEqual([401, 401, 401, 401, 401, 429, 429]);
  });
});

describe("IPv6 clients", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ config: (c) => ({ ...c, limits: { ...c.limits, signInPerIp: { limit: 4, windowMs: minutes(15) } } }) });
  });
  afterAll(async () => t?.close());

  it("share one budget across the addresses of their /64, which they can rotate at will", async () => {
    const answers = [];
    for (let i = 1; i <= 6; i++) {
      const device = t.browser({ ip: `2001:db8:1:2::${i.toString(16)}:${(i * 7).toString(16)}` });
      answers.push((await device.signIn(uniqueEmail("v6"), "guess-guess-guess")).statusCode);
    }
    expect(answers).toEqual([401, 401, 401, 401, 429, 429]);
    // The next /64 over is another subscriber.
    expect((await t.browser({ ip: "2001:db8:1:3::1" }).signIn(uniqueEmail("v6"), "guess-guess-guess")).statusCode).toBe(401);
    // An IPv4 client written as IPv6 is that IPv4 client.
    const v4 = [];
    for (let i = 0; i < 5; i++)
      v4.push(
        (await t.browser({ ip: i % 2 ? "::ffff:192.0.2.5" : "192.0.2.5" }).signIn(uniqueEmail("v4"), "guess-guess-guess")).statusCode,
      );
    expect(v4).toEqual([401, 401, 401, 401, 429]);
  });
});
