// Route tests for Account activity: the account's own audit log, newest first,
// paged, with device and IP, and nothing of other accounts or of secrets.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, errorCode, nextIp, STRONG_PASSWORD, type TestApp, uniqueEmail, withoutPerIpLimits } from "../../../test/helper";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ config: withoutPerIpLimits });
});
afterAll(async () => {
  await t?.close();
});

describe("GET /account/activity", () => {
  it("lists sign-ins with device and IP, failed attempts and security changes, newest first", async () => {
    const email = uniqueEmail("activity");
    const browser = t.browser({ ip: "203.0.113.50" });
    expect((await browser.signUp(email)).statusCode).toBe(201);
    t.clock.advance(1000);
    expect((await t.browser({ ip: "198.51.100.9" }).signIn(email, "not-the-password-1")).statusCode).toBe(401);
    t.clock.advance(1000);
    const app = t.phoneApp({ ip: "198.51.100.10", name: "Kitchen iPad" });
    expect((await app.signIn(email)).statusCode).toBe(200);
    t.clock.advance(1000);
    expect(
      (await browser.post("/api/v1/account/password", { currentPassword: STRONG_PASSWORD, newPassword: "copper-lantern-meadow-77" }))
        .statusCode,
    ).toBe(200);

    const response = await browser.get("/api/v1/account/activity");
    expect(response.statusCode).toBe(200);
    const { events, nextCursor } = response.json();
    expect(nextCursor).toBeNull();
    const types = events.map((e: { type: string }) => e.type);
    expect(types.slice(0, 3)).toEqual(["password_changed", "signed_in", "sign_in_failed"]);
    // Sign-up records both at the same moment; their order between themselves is not fixed.
    expect(types.slice(3).sort()).toEqual(["account_created", "signed_in"]);
    expect(events[1]).toMatchObject({ ip: "198.51.100.10", details: { deviceName: "Kitchen iPad" } });
    expect(events[2]).toMatchObject({ ip: "198.51.100.9", device: "Chrome on macOS" });
    expect(events[0].details).toEqual({ requireAllDevicesToSignIn: true, signedOutDevices: 1 });
  });

  it("pages with the cursor it hands out, and shows nothing of another account", async () => {
    const email = uniqueEmail("pages");
    const browser = t.browser({ ip: nextIp() });
    expect((await browser.signUp(email)).statusCode).toBe(201);
    for (let i = 0; i < 4; i++) expect((await t.browser({ ip: nextIp() }).signIn(email)).statusCode).toBe(200);
    const other = t.browser({ ip: nextIp() });
    expect((await other.signUp(uniqueEmail("other"))).statusCode).toBe(201);

    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await browser.get(`/api/v1/account/activity?limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(page.statusCode).toBe(200);
      const body = page.json() as { events: { id: string }[]; nextCursor: string | null };
      expect(body.events.length).toBeLessThanOrEqual(2);
      ids.push(...body.events.map((e) => e.id));
      cursor = body.nextCursor;
    } while (cursor);
    expect(ids).toHaveLength(6); // account created, signed in ×5
    expect(new Set(ids).size).toBe(6);
    const theirs = (await other.get("/api/v1/account/activity")).json().events.map((e: { id: string }) => e.id);
    expect(theirs.some((id: string) => ids.includes(id))).toBe(false);
  });

  it("refuses a bad cursor (400 INVALID_CURSOR), a bad limit (400 VALIDATION_FAILED) and no session (401)", async () => {
    const browser = t.browser({ ip: nextIp() });
    expect((await browser.signUp(uniqueEmail("bad"))).statusCode).toBe(201);
    expect(errorCode(await browser.get("/api/v1/account/activity?cursor=bm9wZQ"))).toBe("INVALID_CURSOR");
    expect(errorCode(await browser.get("/api/v1/account/activity?limit=0"))).toBe("VALIDATION_FAILED");
    expect(errorCode(await browser.get("/api/v1/account/activity?limit=101"))).toBe("VALIDATION_FAILED");
    expect((await t.browser().get("/api/v1/account/activity")).statusCode).toBe(401);
  });
});
