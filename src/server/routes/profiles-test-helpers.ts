// Helpers shared by the "Who's watching?", add-profile and edit-profile route tests, bound to each file's test app.
import { expect } from "vitest";
import { type Device, type TestApp, uniqueEmail } from "../../../test/helper";

export interface PublicProfile {
  id: string;
  name: string;
  avatar: string;
  isKids: boolean;
  position: number;
}

export interface Member {
  email: string;
  accountId: string;
  browser: Device;
  /** The profile made at sign-up. */
  first: PublicProfile;
}

export function create(device: Device, body: Record<string, unknown>) {
  return device.post("/api/v1/profiles", body);
}

export async function list(device: Device): Promise<PublicProfile[]> {
  const response = await device.get("/api/v1/profiles");
  expect(response.statusCode).toBe(200);
  return response.json().profiles;
}

export async function chosenProfile(device: Device): Promise<PublicProfile | null> {
  const response = await device.get("/api/v1/me");
  expect(response.statusCode).toBe(200);
  return response.json().profile;
}

/** The helpers that talk to the file's app; `app()` answers it once beforeAll has built it. */
export function profilesTestHelpers(app: () => TestApp) {
  async function member(profileName = "Alex"): Promise<Member> {
    const email = uniqueEmail("profiles");
    const browser = app().browser();
    const response = await browser.signUp(email, undefined, { profileName });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    return { email, accountId: body.account.id, browser, first: body.profiles[0] };
  }

  async function storedProfiles(accountId: string) {
    return app().core.stores.profiles.listByAccount(accountId);
  }

  return { member, storedProfiles };
}
