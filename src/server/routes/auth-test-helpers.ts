// Helpers shared by the sign-up, sign-in and sign-out route tests, bound to each file's test app.
import { sql } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import { nextIp, SESSION_COOKIE, type TestApp } from "../../../test/helper";

export function setCookie(response: LightMyRequestResponse, name: string) {
  return (response.cookies as { name: string; value: string; [k: string]: unknown }[]).find((c) => c.name === name);
}

export function rawSetCookie(response: LightMyRequestResponse, name: string): string | undefined {
  const header = response.headers["set-cookie"];
  const all = header === undefined ? [] : Array.isArray(header) ? header : [header];
  return all.find((line) => line.startsWith(`${name}=`));
}

/** The helpers that talk to the file's app; `app()` answers it once beforeAll has built it. */
export function authTestHelpers(app: () => TestApp) {
  // Every test speaks from its own addresses, so one test's attempts never throttle another's.
  const browser = (userAgent?: string) => app().browser({ ip: nextIp(), ...(userAgent ? { userAgent } : {}) });
  const phoneApp = (name?: string) => app().phoneApp({ ip: nextIp(), ...(name ? { name } : {}) });

  async function countRows(table: "account" | "session" | "profile"): Promise<number> {
    const [row] = await app().query<{ n: number }>(sql.raw(`select count(*)::int as n from ${table}`));
    return Number(row!.n);
  }

  /** Asks GET /me with exactly this token, as a bearer, whatever the device holds now. */
  function meWithBearer(token: string) {
    return app().app.inject({ method: "GET", url: "/api/v1/me", headers: { authorization: `Bearer ${token}` } });
  }

  /** Asks GET /me with exactly this session cookie. */
  function meWithCookie(token: string) {
    return app().app.inject({ method: "GET", url: "/api/v1/me", headers: { cookie: `${SESSION_COOKIE}=${token}` } });
  }

  return { browser, phoneApp, countRows, meWithBearer, meWithCookie };
}
