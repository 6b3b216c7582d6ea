// The unit of work on a real (embedded) database: what it commits, what it rolls back, and
// what it announces once it has committed. Then the other side of the rule, through real use
// cases: what a refusal must leave behind stays written.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  auditTypes,
  type CoreTest,
  createCoreTest,
  freshContext,
  signInAnotherDevice,
  signUpViewer,
  VIEWER_PASSWORD,
} from "../../test/support/core-deps";
import { changePassword } from "./accounts/change-password";
import { auditEvent } from "./audit/events";
import { setPhone, verifyPhone } from "./phone/manage-phone";
import { chooseProfile, createProfile } from "./profiles/manage-profiles";
import { setProfilePin } from "./profiles/profile-lock";
import { fail, ok } from "./result";
import type { SessionChange } from "./session-changes/ports";
import type { SessionRecord } from "./sessions/ports";
import { inUnitOfWork } from "./unit-of-work";

let core: CoreTest;

beforeAll(async () => {
  core = await createCoreTest();
});
afterAll(async () => core?.close());
beforeEach(() => core.forget());

const nothingAnnounced = { outboxWritten: 0, accountsChanged: [] };
const context = { ip: "198.51.100.7", userAgent: "core-test" };

function aNotice(recipient: string) {
  return { channel: "email" as const, recipient, template: "password_changed", payload: {}, createdAt: core.clock.now() };
}

function anAuditRow(session: SessionRecord, type: "signed_out" | "password_changed" = "signed_out") {
  return auditEvent(type, { accountId: session.accountId, sessionId: session.id }, context, core.clock.now());
}

async function isLive(sessionId: string): Promise<boolean> {
  return (await core.deps.stores.sessions.findById(sessionId))?.revokedAt === null;
}

describe("inUnitOfWork answers a change to sessions once the platform's verifiers have heard it", () => {
  it("waits, after the commit, for every account whose sessions or claims it changed, once each", async () => {
    const viewer = await signUpViewer(core);
    const other = await signUpViewer(core);
    let committedWhenAsked: boolean | undefined;
    let heard: () => void = () => {};
    const deps = {
      ...core.deps,
      sessionChangesHeard: async (changes: readonly SessionChange[]) => {
        committedWhenAsked = !(await isLive(viewer.session.id));
        core.changesHeard.push(...changes);
        await new Promise<void>((resolve) => (heard = resolve));
      },
    };
    let answered = false;
    const work = inUnitOfWork(deps, async (stores) => {
      await stores.sessions.revoke(viewer.session, core.clock.now(), "signed_out");
      await stores.sessions.revokeAllForAccount(viewer.account.id, core.clock.now(), "signed_out_all_devices");
      await stores.sessions.revoke(other.session, core.clock.now(), "signed_out");
      return ok("done");
    }).then((answer) => {
      answered = true;
      return answer;
    });
    await expect.poll(() => core.changesHeard.length).toBe(2);
    expect(committedWhenAsked).toBe(true);
    expect(core.changesHeard.map((change) => change.accountId).sort()).toEqual([viewer.account.id, other.account.id].sort());
    expect(answered).toBe(false);
    heard();
    expect(await work).toEqual(ok("done"));
  });

  it("waits for nothing when it changed no session or claim, or rolled back", async () => {
    const viewer = await signUpViewer(core);
    await inUnitOfWork(core.deps, async (stores) => stores.outbox.enqueue(aNotice(viewer.account.email)));
    const refused = await inUnitOfWork(core.deps, async (stores) => {
      await stores.sessions.revoke(viewer.session, core.clock.now(), "signed_out");
      return fail("WRONG_PASSWORD");
    });
    expect(refused).toEqual(fail("WRONG_PASSWORD"));
    expect(core.changesHeard).toEqual([]);
    expect(await isLive(viewer.session.id)).toBe(true);
  });
});

describe("inUnitOfWork announces what committed, after the commit", () => {
  it("wakes delivery once after a commit that wrote to the outbox, however many messages it wrote", async () => {
    const viewer = await signUpViewer(core);
    await inUnitOfWork(core.deps, async (stores) => {
      await stores.outbox.enqueue(aNotice(viewer.account.email));
      await stores.outbox.enqueue(aNotice(viewer.account.email));
    });
    expect(core.announced).toEqual({ outboxWritten: 1, accountsChanged: [] });
  });

  it("tells each account's screens once, whether its sessions ended one by one or all at once", async () => {
    const viewer = await signUpViewer(core);
    const phone = await signInAnotherDevice(core, viewer.account.id);
    const other = await signUpViewer(core);
    await inUnitOfWork(core.deps, async (stores) => {
      await stores.sessions.revoke(viewer.session, core.clock.now(), "signed_out");
      await stores.sessions.revokeAllForAccount(viewer.account.id, core.clock.now(), "signed_out_all_devices");
      await stores.sessions.revoke(other.session, core.clock.now(), "signed_out");
    });
    expect(core.announced.accountsChanged.sort()).toEqual([viewer.account.id, other.account.id].sort());
    expect(core.announced.outboxWritten).toBe(0);
    expect(await isLive(phone.session.id)).toBe(false);
  });

  it("announces nothing while the work runs, only once it has committed", async () => {
    const viewer = await signUpViewer(core);
    await inUnitOfWork(core.deps, async (stores) => {
      await stores.sessions.revoke(viewer.session, core.clock.now(), "signed_out");
      await stores.outbox.enqueue(aNotice(viewer.account.email));
      expect(core.announced).toEqual(nothingAnnounced);
    });
    expect(core.announced).toEqual({ outboxWritten: 1, accountsChanged: [viewer.account.id] });
  });

  it("announces nothing for a revocation that ended no session", async () => {
    const viewer = await signUpViewer(core);
    await inUnitOfWork(core.deps, (stores) => stores.sessions.revoke(viewer.session, core.clock.now(), "signed_out"));
    core.forget();

    await inUnitOfWork(core.deps, async (stores) => {
      expect(await stores.sessions.revoke(viewer.session, core.clock.now(), "signed_out")).toBe(false);
      expect(await stores.sessions.revokeAllForAccount(viewer.account.id, core.clock.now(), "signed_out_all_devices")).toEqual([]);
    });
    expect(core.announced).toEqual(nothingAnnounced);
  });

  it("announces the writes of a nested unit with the outer commit", async () => {
    const viewer = await signUpViewer(core);
    await inUnitOfWork(core.deps, async (stores) => {
      await stores.transaction(async (inner) => {
        await inner.sessions.revoke(viewer.session, core.clock.now(), "signed_out");
        await inner.outbox.enqueue(aNotice(viewer.account.email));
      });
      expect(core.announced).toEqual(nothingAnnounced);
    });
    expect(core.announced).toEqual({ outboxWritten: 1, accountsChanged: [viewer.account.id] });
  });
});

describe("inUnitOfWork writes the audit events and outbox messages it appended with its commit", () => {
  const notices = async (email: string) =>
    (await core.deps.stores.outbox.listRecent(1000)).filter((message) => message.recipient === email).map((m) => m.template);

  it("writes them in its last statement, so a statement meanwhile does not see them, and the commit keeps them", async () => {
    const viewer = await signUpViewer(core);
    await inUnitOfWork(core.deps, async (stores) => {
      await stores.audit.record(anAuditRow(viewer.session, "password_changed"));
      await stores.outbox.enqueue(aNotice(viewer.account.email));
      expect(await stores.audit.listByAccount(viewer.account.id, 100)).not.toContainEqual(
        expect.objectContaining({ type: "password_changed" }),
      );
    });
    expect(await auditTypes(core, viewer.account.id)).toContain("password_changed");
    expect(await notices(viewer.account.email)).toContain("password_changed");
  });

  it("writes a released savepoint's rows with the unit, and none of one that rolled back", async () => {
    const viewer = await signUpViewer(core);
    await inUnitOfWork(core.deps, async (stores) => {
      await stores.transaction((kept) => kept.audit.record(anAuditRow(viewer.session, "password_changed")));
      const dropped = stores.transaction(async (inner) => {
        await inner.audit.record(anAuditRow(viewer.session, "signed_out"));
        await inner.outbox.enqueue(aNotice(viewer.account.email));
        throw new Error("savepoint rolls back");
      });
      await expect(dropped).rejects.toThrow("savepoint rolls back");
    });
    const types = await auditTypes(core, viewer.account.id);
    expect(types).toContain("password_changed");
    expect(types).not.toContain("signed_out");
    expect(await notices(viewer.account.email)).not.toContain("password_changed");
  });
});

describe("inUnitOfWork counts the sessions it ended for the metrics", () => {
  it("counts them by reason once committed, and none that a failure rolled back", async () => {
    const viewer = await signUpViewer(core);
    await signInAnotherDevice(core, viewer.account.id);
    const ended: [string, number][] = [];
    const deps = {
      ...core.deps,
      metrics: { signInAnswered() {}, throttled() {}, sessionsEnded: (reason: string, count: number) => void ended.push([reason, count]) },
    };

    await inUnitOfWork(deps, async (stores) => {
      await stores.sessions.revoke(viewer.session, core.clock.now(), "signed_out");
      return fail("SESSION_NOT_FOUND");
    });
    expect(ended).toEqual([]);
    await inUnitOfWork(deps, async (stores) => {
      await stores.sessions.revokeAllForAccount(viewer.account.id, core.clock.now(), "signed_out_all_devices");
      expect(ended).toEqual([]);
    });
    expect(ended).toEqual([["signed_out_all_devices", 2]]);
  });
});

describe("inUnitOfWork rolls back a failure", () => {
  it("rolls back every write and announces nothing when the work answers a failure, and answers that failure as it is", async () => {
    const viewer = await signUpViewer(core);
    const refusal = fail("SESSION_NOT_FOUND");
    const answer = await inUnitOfWork(core.deps, async (stores) => {
      await stores.audit.record(anAuditRow(viewer.session, "password_changed"));
      await stores.sessions.revoke(viewer.session, core.clock.now(), "signed_out");
      await stores.outbox.enqueue(aNotice(viewer.account.email));
      return refusal;
    });
    expect(answer).toBe(refusal);
    expect(await auditTypes(core, viewer.account.id)).not.toContain("password_changed");
    expect(await isLive(viewer.session.id)).toBe(true);
    expect(core.announced).toEqual(nothingAnnounced);
  });

  it("rolls back every write, announces nothing and rethrows when the work throws", async () => {
    const viewer = await signUpViewer(core);
    const fault = new Error("database went away");
    const running = inUnitOfWork(core.deps, async (stores) => {
      await stores.audit.record(anAuditRow(viewer.session, "password_changed"));
      await stores.sessions.revoke(viewer.session, core.clock.now(), "signed_out");
      throw fault;
    });
    await expect(running).rejects.toBe(fault);
    expect(await auditTypes(core, viewer.account.id)).not.toContain("password_changed");
    expect(await isLive(viewer.session.id)).toBe(true);
    expect(core.announced).toEqual(nothingAnnounced);
  });

  it("commits a success whose value merely contains an ok: false", async () => {
    const viewer = await signUpViewer(core);
    const answer = await inUnitOfWork(core.deps, async (stores) => {
      await stores.sessions.revoke(viewer.session, core.clock.now(), "signed_out");
      return ok({ check: { ok: false } });
    });
    expect(answer).toEqual({ ok: true, value: { check: { ok: false } } });
    expect(await isLive(viewer.session.id)).toBe(false);
    expect(core.announced.accountsChanged).toEqual([viewer.account.id]);
  });
});

describe("a refusal keeps its brute-force evidence", () => {
  let numberCounter = 0;
  function aNumber(): { typed: string; e164: string } {
    const nn = String(numberCounter++).padStart(2, "0");
    return { typed: `+1 202 555 01${nn}`, e164: `+120255501${nn}` };
  }

  /** Adds the number to the viewer's account; answers the code texted for it. */
  async function addPhone(session: SessionRecord, number: { typed: string; e164: string }): Promise<string> {
    // A second later than any text before it, so the newest text to the number is this one.
    core.clock.advance(1000);
    const set = await setPhone(
      core.deps,
      session,
      { phone: number.typed, currentPassword: VIEWER_PASSWORD, smsOptIn: true },
      freshContext(),
    );
    expect(set.ok).toBe(true);
    const texts = await core.deps.stores.outbox.listRecent(1000);
    const newest = texts.find((text) => text.channel === "sms" && text.recipient === number.e164);
    return (newest!.payload as { code: string }).code;
  }

  const pendingCode = (accountId: string) => core.deps.stores.codes.findActive(accountId, "phone_verification");

  it("counts a wrong phone code's attempt though it answers CODE_INVALID", async () => {
    const viewer = await signUpViewer(core);
    const code = await addPhone(viewer.session, aNumber());
    const wrong = code === "000000" ? "111111" : "000000";

    expect(await verifyPhone(core.deps, viewer.session, wrong, freshContext())).toEqual({ ok: false, code: "CODE_INVALID" });
    expect((await pendingCode(viewer.account.id))?.attempts).toBe(1);
  });

  it("records password_check_failed though a change of password with the wrong current one is refused", async () => {
    const viewer = await signUpViewer(core);
    const input = { currentPassword: "not-the-password-at-all", newPassword: "amber-lantern-meadow-17", signOutOtherDevices: false };

    expect(await changePassword(core.deps, viewer.session, input, freshContext())).toEqual({ ok: false, code: "WRONG_PASSWORD" });
    expect(await auditTypes(core, viewer.account.id)).toContain("password_check_failed");
  });

  it("records profile_pin_failed though a locked profile chosen with the wrong PIN is refused", async () => {
    const viewer = await signUpViewer(core);
    const kids = await createProfile(core.deps, viewer.session, { name: "Kids" }, freshContext());
    if (!kids.ok) throw new Error(kids.code);
    const locked = await setProfilePin(
      core.deps,
      viewer.session,
      kids.value.id,
      { pin: "4321", currentPassword: VIEWER_PASSWORD },
      freshContext(),
    );
    expect(locked.ok).toBe(true);

    expect(await chooseProfile(core.deps, viewer.session, kids.value.id, { pin: "1234" }, freshContext())).toEqual({
      ok: false,
      code: "INVALID_PIN",
    });
    expect(await auditTypes(core, viewer.account.id)).toContain("profile_pin_failed");
    expect((await core.deps.stores.sessions.findById(viewer.session.id))?.profileId).toBeNull();
  });

  it("leaves the code unconsumed when the number was verified meanwhile by another account (PHONE_IN_USE)", async () => {
    const number = aNumber();
    const first = await signUpViewer(core);
    const second = await signUpViewer(core);
    const firstCode = await addPhone(first.session, number);
    const secondCode = await addPhone(second.session, number);
    expect((await verifyPhone(core.deps, second.session, secondCode, freshContext())).ok).toBe(true);
    core.forget();

    expect(await verifyPhone(core.deps, first.session, firstCode, freshContext())).toEqual({ ok: false, code: "PHONE_IN_USE" });
    const code = await pendingCode(first.account.id);
    expect(code).toMatchObject({ usedAt: null, attempts: 1 });
    expect((await core.deps.stores.accounts.findById(first.account.id))?.phoneVerifiedAt).toBeNull();
    expect(await auditTypes(core, first.account.id)).not.toContain("phone_verified");
    expect(core.announced).toEqual(nothingAnnounced);
  });
});
