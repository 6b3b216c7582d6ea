// Which changes the unit of work announces by webhook, on a real (embedded) database: one
// outbox message per endpoint that wants the event, written in the change's own transaction,
// so a change that rolls back announces nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CoreTest, createCoreTest, freshContext, signInAnotherDevice, signUpViewer } from "../../../test/support/core-deps";
import { type AuditEventType, auditEvent } from "../audit/events";
import { fail } from "../result";
import { inUnitOfWork } from "../unit-of-work";
import { addWebhookEndpoint } from "./endpoints";
import { webhookEventTypes } from "./ports";

let core: CoreTest;

beforeAll(async () => {
  core = await createCoreTest();
  await addWebhookEndpoint(core.deps, { id: "all", url: "http://127.0.0.1:9/all", eventTypes: [...webhookEventTypes] });
  await addWebhookEndpoint(core.deps, { id: "passwords", url: "http://127.0.0.1:9/pw", eventTypes: ["account.password_changed"] });
});
afterAll(async () => core?.close());

/** The webhook messages waiting for `endpointId` about this account: [event type, data]. */
async function pending(endpointId: string, accountId: string): Promise<Array<[string, Record<string, unknown>]>> {
  const now = core.clock.now();
  const due = await core.deps.stores.outbox.claimDue(now, now, 1000);
  return due
    .filter((message) => message.channel === "webhook" && message.recipient === endpointId && message.payload.account_id === accountId)
    .map((message) => [message.template, message.payload]);
}

describe("account events", () => {
  const cases: Array<[AuditEventType, string, string | undefined]> = [
    ["password_changed", "account.password_changed", "changed"],
    ["password_reset", "account.password_changed", "reset"],
    ["email_changed", "account.email_changed", undefined],
    ["phone_added", "account.phone_changed", "added"],
    ["phone_changed", "account.phone_changed", "changed"],
    ["phone_verified", "account.phone_changed", "verified"],
    ["phone_removed", "account.phone_changed", "removed"],
    ["two_step_enabled", "account.two_step_changed", "enabled"],
    ["two_step_disabled", "account.two_step_changed", "disabled"],
  ];

  it.each(cases)("%s is announced as %s", async (auditType, eventType, change) => {
    const viewer = await signUpViewer(core);
    await inUnitOfWork(core.deps, async (stores) => {
      await stores.audit.record(
        auditEvent(auditType, { accountId: viewer.account.id }, freshContext(), core.clock.now(), { email: "x@example.com" }),
      );
    });
    const data = { account_id: viewer.account.id, ...(change ? { change } : {}) };
    expect(await pending("all", viewer.account.id)).toEqual([[eventType, data]]);
    expect(await pending("passwords", viewer.account.id)).toEqual(eventType === "account.password_changed" ? [[eventType, data]] : []);
  });

  it("announces nothing for events no receiver needs (sign-ins, failures, profile edits)", async () => {
    const viewer = await signUpViewer(core);
    await inUnitOfWork(core.deps, async (stores) => {
      for (const type of ["signed_in", "sign_in_failed", "profile_updated", "passkey_added"] as const) {
        await stores.audit.record(auditEvent(type, { accountId: viewer.account.id }, freshContext(), core.clock.now()));
      }
    });
    expect(await pending("all", viewer.account.id)).toEqual([]);
  });
});

describe("session events", () => {
  it("announces every session a revocation ended, and a chosen profile", async () => {
    const viewer = await signUpViewer(core);
    const phone = await signInAnotherDevice(core, viewer.account.id);
    await inUnitOfWork(core.deps, async (stores) => {
      await stores.sessions.setProfile(phone.session, viewer.profiles[0]!.id);
      await stores.sessions.revokeAllForAccount(viewer.account.id, core.clock.now(), "signed_out_all_devices");
      // Already ended: nothing more to announce.
      await stores.sessions.revoke(phone.session, core.clock.now(), "signed_out");
    });
    const events = await pending("all", viewer.account.id);
    expect(events).toHaveLength(3);
    expect(events).toEqual(
      expect.arrayContaining([
        [
          "session.claims_changed",
          { account_id: viewer.account.id, session_id: phone.session.id, changed: ["profile"], profile_id: viewer.profiles[0]!.id },
        ],
        ["session.revoked", { account_id: viewer.account.id, session_id: viewer.session.id, reason: "signed_out_all_devices" }],
        ["session.revoked", { account_id: viewer.account.id, session_id: phone.session.id, reason: "signed_out_all_devices" }],
      ]),
    );
  });

  it("announces nothing when the change rolls back", async () => {
    const viewer = await signUpViewer(core);
    const answer = await inUnitOfWork(core.deps, async (stores) => {
      await stores.sessions.revokeAllForAccount(viewer.account.id, core.clock.now(), "signed_out_all_devices");
      await stores.audit.record(auditEvent("password_changed", { accountId: viewer.account.id }, freshContext(), core.clock.now()));
      return fail("REAUTH_REQUIRED");
    });
    expect(answer).toEqual({ ok: false, code: "REAUTH_REQUIRED" });
    expect(await pending("all", viewer.account.id)).toEqual([]);
  });
});
