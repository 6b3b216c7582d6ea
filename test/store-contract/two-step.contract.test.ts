// Contract of the issue-5 stores: the authenticator app (single use of a time step), backup
// codes (single use, whole-set replacement), passkeys, sign-in flows (single redemption) and
// the profile lock, on PGlite and on PostgreSQL.
import { randomBytes, randomUUID } from "node:crypto";
import { beforeEach, expect, it } from "vitest";
import type { AuthFlowRecord, BackupCodeRecord, PasskeyRecord } from "../../src/core/mfa/ports";
import { describeOnEachDatabase } from "./each-database";
import { anAccount, aProfile, minutes, T0 } from "./fixtures";

const aBackupCode = (accountId: string, overrides: Partial<BackupCodeRecord> = {}): BackupCodeRecord => ({
  id: randomUUID(),
  accountId,
  codeHash: randomBytes(32).toString("hex"),
  usedAt: null,
  createdAt: T0,
  ...overrides,
});

const aPasskey = (accountId: string, overrides: Partial<PasskeyRecord> = {}): PasskeyRecord => ({
  id: randomBytes(16).toString("base64url"),
  accountId,
  name: "Laptop",
  publicKey: randomBytes(77).toString("base64url"),
  counter: 0,
  transports: ["internal", "hybrid"],
  createdAt: T0,
  lastUsedAt: null,
  ...overrides,
});

const aFlow = (accountId: string | null, overrides: Partial<AuthFlowRecord> = {}): AuthFlowRecord => ({
  id: randomUUID(),
  kind: "two_step",
  accountId,
  handleHash: randomBytes(32).toString("hex"),
  webauthnChallenge: null,
  status: "pending",
  attempts: 0,
  details: { deviceKind: "web", deviceName: "Firefox on Linux", keepsTokenItself: false },
  expiresAt: minutes(5),
  createdAt: T0,
  ...overrides,
});

describeOnEachDatabase("two-step stores", (t) => {
  let accountId: string;
  beforeEach(async () => {
    const account = anAccount();
    await t.stores.accounts.create(account);
    accountId = account.id;
  });

  const pending = (id: string) => ({ accountId: id, secretEncrypted: "v1.a.b.c", enabledAt: null, lastUsedStep: null, createdAt: T0 });

  it("reads an account for sign-in with where it stands on two-step verification, as the two-step stores say", async () => {
    const email = (await t.stores.accounts.findById(accountId))!.email;
    const read = async () => (await t.stores.accounts.findForSignIn(email))!;
    expect(await t.stores.accounts.findForSignIn("nobody@example.test")).toBeNull();
    expect((await read()).account.id).toBe(accountId);
    expect((await read()).twoStep).toEqual({ enabled: false, totp: false, passkeys: 0, passkeyStep: false, backupCodesLeft: 0 });

    // A pending authenticator set-up is not a second step; an enabled one is.
    await t.stores.totp.savePending(pending(accountId));
    expect((await read()).twoStep.enabled).toBe(false);
    await t.stores.totp.enable(accountId, minutes(1), 1000);
    const codes = [aBackupCode(accountId), aBackupCode(accountId), aBackupCode(accountId)];
    await t.stores.backupCodes.replaceAll(accountId, codes);
    await t.stores.backupCodes.consume(accountId, codes[0]!.codeHash, minutes(2));
    expect((await read()).twoStep).toEqual({ enabled: true, totp: true, passkeys: 0, passkeyStep: false, backupCodesLeft: 2 });

    // A passkey asked for after the password counts only while there is one.
    await t.stores.totp.delete(accountId);
    await t.stores.passkeys.setSecondStep(accountId, minutes(3));
    expect((await read()).twoStep).toMatchObject({ enabled: false, passkeys: 0, passkeyStep: false });
    await t.stores.passkeys.create(aPasskey(accountId));
    await t.stores.passkeys.create(aPasskey(accountId));
    expect((await read()).twoStep).toEqual({ enabled: true, totp: false, passkeys: 2, passkeyStep: true, backupCodesLeft: 2 });
  });

  it("TOTP: keeps a pending set-up, replaces it by a new one, enables it once", async () => {
    expect(await t.stores.totp.find(accountId)).toBeNull();
    expect(await t.stores.totp.savePending(pending(accountId))).toBe(true);
    expect(await t.stores.totp.savePending({ ...pending(accountId), secretEncrypted: "v1.x.y.z" })).toBe(true);
    expect(await t.stores.totp.find(accountId)).toMatchObject({ secretEncrypted: "v1.x.y.z", enabledAt: null });
    expect(await t.stores.totp.enable(accountId, minutes(1), 1000)).toBe(true);
    expect(await t.stores.totp.enable(accountId, minutes(2), 1001)).toBe(false);
    expect(await t.stores.totp.find(accountId)).toMatchObject({ enabledAt: minutes(1), lastUsedStep: 1000 });
    // An enabled authenticator is never overwritten by a new set-up.
    expect(await t.stores.totp.savePending({ ...pending(accountId), secretEncrypted: "v1.new.new.new" })).toBe(false);
    expect((await t.stores.totp.find(accountId))!.secretEncrypted).toBe("v1.x.y.z");
  });

  it("TOTP: accepts each time step once and never an earlier one, even when racing", async () => {
    await t.stores.totp.savePending(pending(accountId));
    await t.stores.totp.enable(accountId, T0, 1000);
    expect(await t.stores.totp.consumeStep(accountId, 1000)).toBe(false);
    expect(await t.stores.totp.consumeStep(accountId, 999)).toBe(false);
    const racing = await Promise.all(Array.from({ length: 5 }, () => t.stores.totp.consumeStep(accountId, 1001)));
    expect(racing.filter(Boolean)).toHaveLength(1);
    expect(await t.stores.totp.delete(accountId)).toBe(true);
    expect(await t.stores.totp.consumeStep(accountId, 1002)).toBe(false);
  });

  it("backup codes: one use each (racing too), counted, whole set replaced", async () => {
    const codes = Array.from({ length: 3 }, () => aBackupCode(accountId));
    await t.stores.backupCodes.replaceAll(accountId, codes);
    expect(await t.stores.backupCodes.countUnused(accountId)).toBe(3);
    const racing = await Promise.all(
      Array.from({ length: 4 }, () => t.stores.backupCodes.consume(accountId, codes[0]!.codeHash, minutes(1))),
    );
    expect(racing.filter(Boolean)).toHaveLength(1);
    expect(await t.stores.backupCodes.isSpent(accountId, codes[0]!.codeHash)).toBe(true);
    expect(await t.stores.backupCodes.isSpent(accountId, codes[1]!.codeHash)).toBe(false);
    expect(await t.stores.backupCodes.countUnused(accountId)).toBe(2);

    const other = anAccount();
    await t.stores.accounts.create(other);
    expect(await t.stores.backupCodes.consume(other.id, codes[1]!.codeHash, minutes(1))).toBe(false);

    await t.stores.backupCodes.replaceAll(accountId, [aBackupCode(accountId)]);
    expect(await t.stores.backupCodes.consume(accountId, codes[1]!.codeHash, minutes(2))).toBe(false);
    expect(await t.stores.backupCodes.countUnused(accountId)).toBe(1);
    await t.stores.backupCodes.deleteAll(accountId);
    expect(await t.stores.backupCodes.countUnused(accountId)).toBe(0);
  });

  it("passkeys: several per account, a credential id only once, rename and delete only within the account", async () => {
    const first = aPasskey(accountId);
    const second = aPasskey(accountId, { name: "Phone", createdAt: minutes(1) });
    expect(await t.stores.passkeys.create(first)).toBe(true);
    expect(await t.stores.passkeys.create(second)).toBe(true);
    const other = anAccount();
    await t.stores.accounts.create(other);
    expect(await t.stores.passkeys.create({ ...first, accountId: other.id })).toBe(false);

    expect(await t.stores.passkeys.findById(first.id)).toEqual(first);
    expect((await t.stores.passkeys.listByAccount(accountId)).map((p) => p.name)).toEqual(["Laptop", "Phone"]);
    expect(await t.stores.passkeys.rename(other.id, first.id, "Stolen")).toBeNull();
    expect(await t.stores.passkeys.rename(accountId, first.id, "Work laptop")).toMatchObject({ name: "Work laptop" });
    await t.stores.passkeys.recordUse(first.id, 7, minutes(3));
    expect(await t.stores.passkeys.findById(first.id)).toMatchObject({ counter: 7, lastUsedAt: minutes(3) });
    expect(await t.stores.passkeys.delete(other.id, first.id)).toBe(false);
    expect(await t.stores.passkeys.delete(accountId, first.id)).toBe(true);
    expect(await t.stores.passkeys.findById(first.id)).toBeNull();
  });

  it("passkeys as the second step: a choice of the account's own, set and cleared once each", async () => {
    expect(await t.stores.passkeys.isSecondStep(accountId)).toBe(false);
    expect(await t.stores.passkeys.setSecondStep(accountId, minutes(1))).toBe(true);
    expect(await t.stores.passkeys.setSecondStep(accountId, minutes(2))).toBe(false);
    expect(await t.stores.passkeys.isSecondStep(accountId)).toBe(true);
    expect(await t.stores.passkeys.setSecondStep(accountId, null)).toBe(true);
    expect(await t.stores.passkeys.setSecondStep(accountId, null)).toBe(false);
    expect(await t.stores.passkeys.isSecondStep(accountId)).toBe(false);
  });

  it("flows: found by kind and handle digest, attempts counted in the database, redeemed once", async () => {
    const flow = aFlow(accountId);
    await t.stores.authFlows.create(flow);
    expect(await t.stores.authFlows.findByHandle("two_step", flow.handleHash)).toEqual(flow);
    expect(await t.stores.authFlows.findByHandle("passkey_sign_in", flow.handleHash)).toBeNull();
    const counts = await Promise.all(Array.from({ length: 4 }, () => t.stores.authFlows.recordAttempt(flow.id)));
    expect(counts.sort()).toEqual([1, 2, 3, 4]);

    const racing = await Promise.all(Array.from({ length: 5 }, () => t.stores.authFlows.redeem(flow.id, minutes(1))));
    expect(racing.filter(Boolean)).toHaveLength(1);
    expect(await t.stores.authFlows.findByHandle("two_step", flow.handleHash)).toMatchObject({ status: "redeemed", attempts: 4 });
  });

  it("flows: an expired flow is never redeemed; a ceremony may have no account yet", async () => {
    const expired = aFlow(accountId);
    await t.stores.authFlows.create(expired);
    expect(await t.stores.authFlows.redeem(expired.id, minutes(5))).toBe(false);
    const ceremony = aFlow(null, { kind: "passkey_sign_in", webauthnChallenge: "Y2hhbGxlbmdl", details: { purpose: "sign_in" } });
    await t.stores.authFlows.create(ceremony);
    expect(await t.stores.authFlows.findByHandle("passkey_sign_in", ceremony.handleHash)).toEqual(ceremony);
  });

  it("profile lock: sets and clears a PIN digest within the account; the add-profile option defaults to off", async () => {
    const profile = aProfile(accountId);
    await t.stores.profiles.create(profile);
    const other = anAccount();
    await t.stores.accounts.create(other);
    expect(await t.stores.profiles.setPin(other.id, profile.id, "ab".repeat(32))).toBe(false);
    expect(await t.stores.profiles.setPin(accountId, profile.id, "cd".repeat(32))).toBe(true);
    expect((await t.stores.profiles.find(accountId, profile.id))!.pinHash).toBe("cd".repeat(32));
    expect(await t.stores.profiles.setPin(accountId, profile.id, null)).toBe(true);
    expect((await t.stores.profiles.find(accountId, profile.id))!.pinHash).toBeNull();

    expect(await t.stores.profiles.requiresPinToAdd(accountId)).toBe(false);
    await t.stores.profiles.setRequirePinToAdd(accountId, true);
    expect(await t.stores.profiles.requiresPinToAdd(accountId)).toBe(true);
    await t.stores.profiles.setRequirePinToAdd(accountId, false);
    expect(await t.stores.profiles.requiresPinToAdd(accountId)).toBe(false);
  });
});
