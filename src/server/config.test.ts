import { describe, expect, it } from "vitest";
import { days } from "../core/clock";
import { readConfig } from "./config";

describe("configuration", () => {
  it("ships 30-day idle sessions (90 for TVs) that end after a year at most", () => {
    const { core, mode } = readConfig({});
    expect(mode).toBe("embedded");
    expect(core.sessions.idleMs).toEqual({ web: days(30), mobile: days(30), tv: days(90) });
    expect(core.sessions.absoluteMs).toBe(days(365));
  });

  it("takes session lifetimes from the environment", () => {
    const { core } = readConfig({ SESSION_IDLE_DAYS: "7", SESSION_IDLE_DAYS_TV: "14", SESSION_MAX_DAYS: "60" });
    expect(core.sessions.idleMs).toEqual({ web: days(7), mobile: days(7), tv: days(14) });
    expect(core.sessions.absoluteMs).toBe(days(60));
  });

  it("asks for re-authentication after 10 minutes unless told otherwise, fractions of a minute included", () => {
    expect(readConfig({}).core.reauthWindowMs).toBe(10 * 60_000);
    expect(readConfig({ REAUTH_WINDOW_MINUTES: "5" }).core.reauthWindowMs).toBe(5 * 60_000);
    expect(readConfig({ REAUTH_WINDOW_MINUTES: "0.05" }).core.reauthWindowMs).toBe(3_000);
    expect(() => readConfig({ REAUTH_WINDOW_MINUTES: "0" })).toThrow(/REAUTH_WINDOW_MINUTES must be a number of minutes above 0/);
    expect(() => readConfig({ REAUTH_WINDOW_MINUTES: "soon" })).toThrow(/REAUTH_WINDOW_MINUTES/);
  });

  it("allows 20 sign-ups an hour per IP address unless told otherwise", () => {
    expect(readConfig({}).core.limits.signUpPerIp).toEqual({ limit: 20, windowMs: 60 * 60 * 1000 });
    expect(readConfig({ SIGN_UPS_PER_IP_PER_HOUR: "200" }).core.limits.signUpPerIp.limit).toBe(200);
    expect(() => readConfig({ SIGN_UPS_PER_IP_PER_HOUR: "0" })).toThrow(/SIGN_UPS_PER_IP_PER_HOUR must be at least 1/);
  });

  it("trusts no proxy unless told, a number of hops, or the proxies' addresses and ranges", () => {
    expect(readConfig({}).trustProxy).toBe(false);
    expect(readConfig({ TRUST_PROXY: "false" }).trustProxy).toBe(false);
    expect(readConfig({ TRUST_PROXY: "1" }).trustProxy).toEqual({ hops: 1 });
    expect(readConfig({ TRUST_PROXY: "2" }).trustProxy).toEqual({ hops: 2 });
    expect(readConfig({ TRUST_PROXY: "10.0.0.0/8, 127.0.0.1,::1,fd00::/8" }).trustProxy).toEqual({ proxies: ["10.0.0.0/8", "127.0.0.1", "::1", "fd00::/8"] });
  });

  it("refuses TRUST_PROXY=true, which would believe whatever X-Forwarded-For a client writes, and says what to set", () => {
    expect(() => readConfig({ TRUST_PROXY: "true" })).toThrow(/TRUST_PROXY=true .*TRUST_PROXY=1 behind one load balancer.*TRUST_PROXY=10\.0\.0\.0\/8,127\.0\.0\.1/);
    expect(() => readConfig({ TRUST_PROXY: "10.0.0.0/8,the-balancer" })).toThrow(/TRUST_PROXY must be a number of hops or addresses and ranges, not "the-balancer"/);
    expect(() => readConfig({ TRUST_PROXY: "10.0.0.0/99" })).toThrow(/TRUST_PROXY/);
  });

  it("stops the start with a message that names a malformed variable", () => {
    expect(() => readConfig({ SESSION_MAX_DAYS: "a year" })).toThrow(/SESSION_MAX_DAYS must be a whole number/);
  });

  it("computes one password hash per core at once unless told otherwise, and never none", () => {
    expect(readConfig({}).passwordHashConcurrency).toBeGreaterThanOrEqual(1);
    expect(readConfig({ PASSWORD_HASH_CONCURRENCY: "3" }).passwordHashConcurrency).toBe(3);
    expect(() => readConfig({ PASSWORD_HASH_CONCURRENCY: "0" })).toThrow(/PASSWORD_HASH_CONCURRENCY must be at least 1/);
  });

  it("runs on PostgreSQL in production mode when DATABASE_URL is set", () => {
    const config = readConfig({
      DATABASE_URL: "postgres://db.example/usher",
      SMTP_URL: "smtps://mail.example",
      SMS_PROVIDER: "webhook",
      SMS_WEBHOOK_URL: "https://sms.example/send",
      SMS_WEBHOOK_SECRET: "webhook-secret",
    });
    expect(config.mode).toBe("production");
    expect(config.database).toMatchObject({ kind: "postgres", url: "postgres://db.example/usher" });
  });
});
