// Introspection as a platform service calls it, on a real (embedded) database with a moved
// clock: the claims of a live session, and null for every token that is not one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CoreTest, createCoreTest, freshContext, signInAnotherDevice, signUpViewer } from "../../../test/support/core-deps";
import { days, minutes } from "../clock";
import { cryptoRandom } from "../crypto/random";
import { chooseProfile } from "../profiles/manage-profiles";
import { introspectSession } from "./introspect-session";
import { newSessionToken } from "./session-token";
import { signOut } from "./sign-out";

let core: CoreTest;

beforeAll(async () => {
  core = await createCoreTest();
});
afterAll(async () => core?.close());

const introspect = (token: string) => introspectSession(core.deps, token);

describe("introspectSession", () => {
  it("answers a live session's account, device, plan, assurance and times", async () => {
    const viewer = await signUpViewer(core, { kind: "mobile", name: "Robin's phone" });
    expect(await introspect(viewer.token)).toEqual({
      accountId: viewer.account.id,
      sessionId: viewer.session.id,
      issuedAt: viewer.session.createdAt,
      expiresAt: viewer.session.expiresAt,
      authenticatedAt: viewer.session.authenticatedAt,
      assurance: 1,
      plan: "standard",
      device: { kind: "mobile", name: "Robin's phone" },
      profile: null,
    });
  });

  it("names the profile chosen on the device, Kids flag included", async () => {
    const viewer = await signUpViewer(core);
    const [main] = viewer.profiles;
    expect((await chooseProfile(core.deps, viewer.session, main!.id)).ok).toBe(true);
    expect((await introspect(viewer.token))?.profile).toEqual({
      id: main!.id,
      name: main!.name,
      isKids: false,
      maxRating: "18+",
      restrictedTitles: [],
    });
  });

  it("answers null once the session is signed out, on the very next call", async () => {
    const viewer = await signUpViewer(core);
    expect(await introspect(viewer.token)).not.toBeNull();
    await signOut(core.deps, viewer.session, freshContext());
    expect(await introspect(viewer.token)).toBeNull();
  });

  it("answers null for an expired session, an unknown one, a wrong secret and anything that is not a session token", async () => {
    const viewer = await signUpViewer(core);
    const other = await signInAnotherDevice(core, viewer.account.id, { kind: "tv", name: "Living room TV" });
    const [id, secret] = other.token.split(".");
    const wrongSecret = `${id}.${secret!.slice(0, -1)}${secret!.endsWith("A") ? "B" : "A"}`;
    const tokens = [newSessionToken(cryptoRandom).token, wrongSecret, "", "not a token", "usher-tv", `${other.token}x`];
    for (const token of tokens) expect(await introspect(token)).toBeNull();

    core.clock.advance(days(400));
    expect(await introspect(other.token)).toBeNull();
    expect(await introspect(viewer.token)).toBeNull();
  });

  it("slides the idle expiry of a session used only through services", async () => {
    const viewer = await signUpViewer(core);
    core.clock.advance(minutes(10));
    const claims = await introspect(viewer.token);
    expect(claims?.expiresAt.getTime()).toBeGreaterThan(viewer.session.expiresAt.getTime());
    const stored = await core.deps.stores.sessions.findById(viewer.session.id);
    expect(stored?.lastSeenAt).toEqual(core.clock.now());
    expect(stored?.expiresAt).toEqual(claims?.expiresAt);
  });
});
