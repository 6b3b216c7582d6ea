// Which changes the unit of work announces by webhook, on a real (embedded) database: one
// outbox message per endpoint that wants the event, written in the change's own transaction,
// so a change that rolls back announces nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CoreTest, createCoreTest, freshContext, signInAnotherDevice, signUpViewer } from "../../../test/support/core-deps";
import { type AuditEventType, auditEvent } from "../audit/events";
import { chooseProfile, createProfile, deleteProfile, updateProfile } from "../profiles/manage-profiles";
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

/**
 * The webhook messages written since the last call about this account, by endpoint:
 * [event type, data]. Each is leased a day ahead, so it is not seen again.
 */
type Written = Array<[string, Record<string, unknown>]>;

async function written(accountId: string): Promise<{ all: Written; passwords: Written }> {
  const now = core.clock.now();
  const due = await core.deps.stores.outbox.claimDue(now, new Date(now.getTime() + 86_400_000), 1000);
  const byEndpoint = { all: [] as Written, passwords: [] as Written };
  for (const message of due) {
    if (message.channel !== "webhook" || message.payload.account_id !== accountId) continue;
    if (message.recipient === "all" || message.recipient === "passwords")
      byEndpoint[message.recipient].push([message.template, message.payload]);
  }
  return byEndpoint;
}

const pending = async (accountId: string) => (await written(accountId)).all;

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
    const byEndpoint = await written(viewer.account.id);
    expect(byEndpoint.all).toEqual([[eventType, data]]);
    expect(byEndpoint.passwords).toEqual(eventType === "account.password_changed" ? [[eventType, data]] : []);
  });

  it("plan_changed is announced as account.plan_changed, with the new plan (no secret)", async () => {
    const viewer = await signUpViewer(core);
    await inUnitOfWork(core.deps, async (stores) => {
      await stores.audit.record(
        auditEvent("plan_changed", { accountId: viewer.account.id }, freshContext(), core.clock.now(), { from: "standard", to: "premium" }),
      );
    });
    expect((await written(viewer.account.id)).all).toEqual([["account.plan_changed", { account_id: viewer.account.id, plan: "premium" }]]);
  });

  it("parental_controls_changed is announced as account.parental_controls_changed, naming the profile by id only", async () => {
    const viewer = await signUpViewer(core);
    const profileId = viewer.profiles[0]!.id;
    await inUnitOfWork(core.deps, async (stores) => {
      await stores.audit.record(
        auditEvent("parental_controls_changed", { accountId: viewer.account.id }, freshContext(), core.clock.now(), {
          profileId,
          profileName: "Robin",
          ratingFrom: "7+",
          ratingTo: "13+",
          blocked: "Cold Ledger",
        }),
      );
    });
    expect((await written(viewer.account.id)).all).toEqual([
      ["account.parental_controls_changed", { account_id: viewer.account.id, profile_id: profileId }],
    ]);
  });

  it("announces nothing for events no receiver needs (sign-ins, failures, profile edits)", async () => {
    const viewer = await signUpViewer(core);
    await inUnitOfWork(core.deps, async (stores) => {
      for (const type of ["signed_in", "sign_in_failed", "profile_updated", "passkey_added"] as const) {
        await stores.audit.record(auditEvent(type, { accountId: viewer.account.id }, freshContext(), core.clock.now()));
      }
    });
    expect(await pending(viewer.account.id)).toEqual([]);
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
    const events = await pending(viewer.account.id);
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

  it("announces a renamed, Kids-flagged or deleted profile to every session watching as it, and an avatar to none", async () => {
    const viewer = await signUpViewer(core);
    const phone = await signInAnotherDevice(core, viewer.account.id);
    const tv = await signInAnotherDevice(core, viewer.account.id, { kind: "tv", name: "Living-room TV" });
    const created = await createProfile(core.deps, viewer.session, { name: "Sam", avatar: "ocean", isKids: false }, freshContext());
    if (!created.ok) throw new Error(created.code);
    const sam = created.value.id;
    for (const device of [phone, tv]) expect((await chooseProfile(core.deps, device.session, sam, {}, freshContext())).ok).toBe(true);
    await pending(viewer.account.id);

    const changedFor = async () =>
      (await pending(viewer.account.id)).map(([type, data]) => [type, data.session_id, data.profile_id]).sort();
    const watching = (profileId: string | null) =>
      [phone, tv].map((device) => ["session.claims_changed", device.session.id, profileId]).sort();

    expect((await updateProfile(core.deps, viewer.session, sam, { isKids: true }, freshContext())).ok).toBe(true);
    expect(await changedFor()).toEqual(watching(sam));
    expect((await updateProfile(core.deps, viewer.session, sam, { name: "Samuel" }, freshContext())).ok).toBe(true);
    expect(await changedFor()).toEqual(watching(sam));
    expect((await updateProfile(core.deps, viewer.session, sam, { avatar: "comet" }, freshContext())).ok).toBe(true);
    expect(await changedFor()).toEqual([]);
    expect((await deleteProfile(core.deps, viewer.session, sam, freshContext())).ok).toBe(true);
    expect(await changedFor()).toEqual(watching(null));
  });

  it("announces nothing when the change rolls back", async () => {
    const viewer = await signUpViewer(core);
    const answer = await inUnitOfWork(core.deps, async (stores) => {
      await stores.sessions.revokeAllForAccount(viewer.account.id, core.clock.now(), "signed_out_all_devices");
      await stores.audit.record(auditEvent("password_changed", { accountId: viewer.account.id }, freshContext(), core.clock.now()));
      return fail("REAUTH_REQUIRED");
    });
    expect(answer).toEqual({ ok: false, code: "REAUTH_REQUIRED" });
    expect(await pending(viewer.account.id)).toEqual([]);
  });
});
