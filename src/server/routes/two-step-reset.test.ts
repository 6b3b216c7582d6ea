// Support's two-step reset, seen from the API: the authenticator app, passkeys and backup codes
// all go, the password alone signs in again, the owner is emailed at once, the platform's
// services hear account.two_step_changed, and the activity shows support did it.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, nextIp, type TestApp, uniqueEmail, withoutPerIpLimits } from "../../../test/helper";
import { SoftwareAuthenticator } from "../../../test/support/software-authenticator";
import { passwordStep, turnOnTotp } from "../../../test/support/two-step";
import { resetTwoStep } from "../../core/support/reset-two-step";
import { addWebhookEndpoint } from "../../core/webhooks/endpoints";

let t: TestApp;
const operator = { name: "Sam" };

beforeAll(async () => {
  t = await buildTestApp({ config: withoutPerIpLimits });
  await addWebhookEndpoint(t.core, { id: "crm", url: "http://127.0.0.1:9/crm", eventTypes: ["account.two_step_changed"] });
});

afterAll(async () => t?.close());

describe("two-step reset by support", () => {
  it("removes every second step, so the password alone signs in; tells the owner and the platform's services", async () => {
    const email = uniqueEmail("lost-phone");
    const browser = t.browser({ ip: nextIp() });
    const signedUp = await browser.signUp(email);
    const accountId = signedUp.json().account.id as string;
    await turnOnTotp(t, browser);
    const options = (await browser.post("/api/v1/account/passkeys/registration-options")).json().options;
    const passkey = new SoftwareAuthenticator().register(options).response;
    expect((await browser.post("/api/v1/account/passkeys", { name: "Old phone", passkey, signOutOtherDevices: false })).statusCode).toBe(
      201,
    );
    await passwordStep(t, t.browser({ ip: nextIp() }), email);
    const before = await t.sentMark();

    expect(await resetTwoStep(t.core, accountId, operator)).toEqual({ authenticatorApp: true, passkeys: 1, backupCodes: 10 });

    const signedIn = await t.browser({ ip: nextIp() }).signIn(email);
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json().twoStepRequired).toBeUndefined();
    expect(await resetTwoStep(t.core, accountId, operator)).toBe("two_step_off");
    await t.delivered();
    const emailed = t.sent.slice(before).filter((message) => message.channel === "email" && message.to === email);
    expect(emailed.map((message) => message.channel === "email" && message.subject)).toContain(
      "Usher support reset your two-step verification",
    );
    const hooks = await t.query<{ payload: Record<string, unknown> }>(
      sql`select payload from outbox where channel = 'webhook' and template = 'account.two_step_changed' and payload->>'account_id' = ${accountId}`,
    );
    expect(hooks.map((hook) => hook.payload.change)).toContain("reset");
    const events = (await browser.get("/api/v1/account/activity")).json().events as { type: string; details: Record<string, unknown> }[];
    expect(events.find((event) => event.type === "two_step_reset")?.details).toEqual({ by: "support" });
  });
});
