// Helpers shared by the device-list and session-token route tests, bound to each file's test app.
import type { LightMyRequestResponse } from "fastify";
import { expect } from "vitest";
import { type Device, nextIp, SESSION_COOKIE, type TestApp, uniqueEmail } from "../../../test/helper";

const FIREFOX_ON_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0";

export function sessionCookieLine(response: LightMyRequestResponse): string | undefined {
  const header = response.headers["set-cookie"];
  const all = header === undefined ? [] : Array.isArray(header) ? header : [header];
  return all.find((line) => line.startsWith(`${SESSION_COOKIE}=`));
}

export const sessionIdOf = (device: Device) => device.sessionToken!.split(".")[0]!;

export interface Household {
  email: string;
  laptop: Device;
  phone: Device;
  desktop: Device;
}

export interface ListedSession {
  id: string;
  deviceName: string;
  deviceKind: string;
  ip: string | null;
  lastActiveAt: string;
  createdAt: string;
  current: boolean;
}

/** The helpers that talk to the file's app; `app()` answers it once beforeAll has built it. */
export function sessionsTestHelpers(app: () => TestApp) {
  /** GET /me with exactly this token, the way its kind of device sends it. */
  function meWith(token: string, carrier: "cookie" | "bearer" = "bearer") {
    const headers = carrier === "cookie" ? { cookie: `${SESSION_COOKIE}=${token}` } : { authorization: `Bearer ${token}` };
    return app().app.inject({ method: "GET", url: "/api/v1/me", headers });
  }

  /** One account signed in on a Mac browser, a phone app and a Windows browser. */
  async function household(): Promise<Household> {
    const t = app();
    const email = uniqueEmail("household");
    const laptop = t.browser({ ip: nextIp() });
    expect((await laptop.signUp(email)).statusCode).toBe(201);
    const phone = t.phoneApp({ ip: nextIp() });
    expect((await phone.signIn(email)).statusCode).toBe(200);
    const desktop = t.browser({ ip: nextIp(), userAgent: FIREFOX_ON_WINDOWS });
    expect((await desktop.signIn(email)).statusCode).toBe(200);
    return { email, laptop, phone, desktop };
  }

  async function listSessions(device: Device): Promise<ListedSession[]> {
    const response = await device.get("/api/v1/sessions");
    expect(response.statusCode).toBe(200);
    return response.json().sessions;
  }

  return { meWith, household, listSessions };
}
