// Helpers shared by the "Change password" route tests, bound to each file's test app.
import { expect } from "vitest";
import { type Device, type TestApp, uniqueEmail } from "../../../test/helper";

export const NEW_PASSWORD = "lantern-orchard-quiet-77";

export interface Household {
  email: string;
  accountId: string;
  /** The browser that signed up and changes the password. */
  here: Device;
  otherBrowser: Device;
  phone: Device;
}

export function changePassword(device: Device, body: Record<string, unknown>) {
  return device.post("/api/v1/account/password", body);
}

/** The helpers that talk to the file's app; `app()` answers it once beforeAll has built it. */
export function changePasswordTestHelpers(app: () => TestApp) {
  /** An account signed in on three devices: this browser, a second browser and the phone app. */
  async function household(): Promise<Household> {
    const t = app();
    const email = uniqueEmail("account");
    const here = t.browser();
    const signedUp = await here.signUp(email);
    expect(signedUp.statusCode).toBe(201);
    const otherBrowser = t.browser({ ip: "198.51.100.7" });
    expect((await otherBrowser.signIn(email)).statusCode).toBe(200);
    const phone = t.phoneApp();
    expect((await phone.signIn(email)).statusCode).toBe(200);
    return { email, accountId: signedUp.json().account.id, here, otherBrowser, phone };
  }

  /** Signs in from a brand-new browser and answers the status. */
  async function signInStatus(email: string, password: string): Promise<number> {
    return (await app().browser({ ip: "192.0.2.99" }).signIn(email, password)).statusCode;
  }

  async function storedAccount(accountId: string) {
    const account = await app().core.stores.accounts.findById(accountId);
    if (!account) throw new Error("account vanished");
    return account;
  }

  return { household, signInStatus, storedAccount };
}
