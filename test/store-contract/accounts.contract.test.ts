// Contract of AccountStore: sign-up, look-ups, password changes and the verified-phone rule.
import { expect, it } from "vitest";
import { describeOnEachDatabase } from "./each-database";
import { anAccount, aPhoneNumber, minutes, T0 } from "./fixtures";

describeOnEachDatabase("account store", (t) => {
  it("creates an account and reads every field back by id and by email", async () => {
    const account = anAccount({ emailVerifiedAt: minutes(1), plan: "premium", smsOptIn: true });
    expect(await t.stores.accounts.create(account)).toBe(true);

    expect(await t.stores.accounts.findById(account.id)).toEqual(account);
    expect(await t.stores.accounts.findByEmail(account.email)).toEqual(account);
  });

  it("answers null for an unknown id or email", async () => {
    expect(await t.stores.accounts.findById(anAccount().id)).toBeNull();
    expect(await t.stores.accounts.findByEmail("nobody@example.test")).toBeNull();
  });

  it("answers false for a taken email and keeps the first account as it was", async () => {
    const first = anAccount();
    await t.stores.accounts.create(first);

    const second = anAccount({ email: first.email, passwordHash: "other" });
    expect(await t.stores.accounts.create(second)).toBe(false);
    expect(await t.stores.accounts.findById(second.id)).toBeNull();
    expect(await t.stores.accounts.findByEmail(first.email)).toEqual(first);
  });

  it("replaces the password hash and records when it changed", async () => {
    const account = anAccount();
    await t.stores.accounts.create(account);

    await t.stores.accounts.updatePassword(account.id, "new-hash", minutes(5));
    expect(await t.stores.accounts.findById(account.id)).toMatchObject({
      passwordHash: "new-hash",
      passwordChangedAt: minutes(5),
    });
  });

  it("stores a new phone number unverified with the SMS choice", async () => {
    const account = anAccount();
    await t.stores.accounts.create(account);
    const phone = aPhoneNumber();

    await t.stores.accounts.setPhone(account.id, { e164: phone, smsOptIn: true });
    expect(await t.stores.accounts.findById(account.id)).toMatchObject({
      phoneE164: phone,
      phoneVerifiedAt: null,
      smsOptIn: true,
    });
  });

  it("drops the verification when a verified number is replaced by another", async () => {
    const account = anAccount();
    await t.stores.accounts.create(account);
    const phone = aPhoneNumber();
    await t.stores.accounts.setPhone(account.id, { e164: phone, smsOptIn: false });
    await t.stores.accounts.markPhoneVerified(account.id, phone, minutes(1));

    const next = aPhoneNumber();
    await t.stores.accounts.setPhone(account.id, { e164: next, smsOptIn: false });
    expect(await t.stores.accounts.findById(account.id)).toMatchObject({ phoneE164: next, phoneVerifiedAt: null });
  });

  it("clears the number, its verification and the SMS choice when the phone is removed", async () => {
    const account = anAccount();
    await t.stores.accounts.create(account);
    const phone = aPhoneNumber();
    await t.stores.accounts.setPhone(account.id, { e164: phone, smsOptIn: true });
    await t.stores.accounts.markPhoneVerified(account.id, phone, minutes(1));

    await t.stores.accounts.setPhone(account.id, null);
    expect(await t.stores.accounts.findById(account.id)).toMatchObject({
      phoneE164: null,
      phoneVerifiedAt: null,
      smsOptIn: false,
    });
  });

  it("marks the proven number verified and keeps the SMS choice", async () => {
    const account = anAccount();
    await t.stores.accounts.create(account);
    const phone = aPhoneNumber();
    await t.stores.accounts.setPhone(account.id, { e164: phone, smsOptIn: true });

    expect(await t.stores.accounts.markPhoneVerified(account.id, phone, minutes(2))).toBe(true);
    expect(await t.stores.accounts.findById(account.id)).toMatchObject({
      phoneE164: phone,
      phoneVerifiedAt: minutes(2),
      smsOptIn: true,
    });
  });

  it("changes only the text-message choice, keeping the number and its verification", async () => {
    const account = anAccount();
    await t.stores.accounts.create(account);
    const phone = aPhoneNumber();
    await t.stores.accounts.setPhone(account.id, { e164: phone, smsOptIn: true });
    await t.stores.accounts.markPhoneVerified(account.id, phone, minutes(1));

    await t.stores.accounts.setSmsOptIn(account.id, false);
    expect(await t.stores.accounts.findById(account.id)).toMatchObject({ phoneE164: phone, phoneVerifiedAt: minutes(1), smsOptIn: false });
  });

  it("does not verify a number the account no longer holds", async () => {
    const account = anAccount();
    await t.stores.accounts.create(account);
    const proven = aPhoneNumber();
    const replacement = aPhoneNumber();
    await t.stores.accounts.setPhone(account.id, { e164: proven, smsOptIn: false });
    await t.stores.accounts.setPhone(account.id, { e164: replacement, smsOptIn: false });

    expect(await t.stores.accounts.markPhoneVerified(account.id, proven, minutes(2))).toBe(false);
    expect(await t.stores.accounts.findById(account.id)).toMatchObject({ phoneE164: replacement, phoneVerifiedAt: null });
  });

  it("lets several accounts hold one number unverified", async () => {
    const phone = aPhoneNumber();
    for (const account of [anAccount(), anAccount()]) {
      await t.stores.accounts.create(account);
      await t.stores.accounts.setPhone(account.id, { e164: phone, smsOptIn: false });
      expect(await t.stores.accounts.findById(account.id)).toMatchObject({ phoneE164: phone });
    }
  });

  it("answers false when the number is already verified on another account", async () => {
    const owner = anAccount();
    const latecomer = anAccount();
    const phone = aPhoneNumber();
    for (const account of [owner, latecomer]) {
      await t.stores.accounts.create(account);
      await t.stores.accounts.setPhone(account.id, { e164: phone, smsOptIn: false });
    }
    expect(await t.stores.accounts.markPhoneVerified(owner.id, phone, minutes(1))).toBe(true);

    expect(await t.stores.accounts.markPhoneVerified(latecomer.id, phone, minutes(2))).toBe(false);
    expect(await t.stores.accounts.findById(latecomer.id)).toMatchObject({ phoneE164: phone, phoneVerifiedAt: null });
  });

  it("answers false when verifying a number for an account that does not exist", async () => {
    expect(await t.stores.accounts.markPhoneVerified(anAccount().id, aPhoneNumber(), T0)).toBe(false);
  });

  it("finds the account that verified a number, and none for a number only held unverified", async () => {
    const owner = anAccount();
    const holder = anAccount();
    const phone = aPhoneNumber();
    await t.stores.accounts.create(owner);
    await t.stores.accounts.create(holder);
    await t.stores.accounts.setPhone(holder.id, { e164: phone, smsOptIn: false });
    expect(await t.stores.accounts.findByVerifiedPhone(phone)).toBeNull();
    await t.stores.accounts.setPhone(owner.id, { e164: phone, smsOptIn: true });
    await t.stores.accounts.markPhoneVerified(owner.id, phone, minutes(1));
    expect(await t.stores.accounts.findByVerifiedPhone(phone)).toMatchObject({ id: owner.id, phoneE164: phone, smsOptIn: true });
  });

  it("tells whether a number is verified on an account other than the one asking", async () => {
    const owner = anAccount();
    const other = anAccount();
    const phone = aPhoneNumber();
    await t.stores.accounts.create(owner);
    await t.stores.accounts.create(other);
    await t.stores.accounts.setPhone(owner.id, { e164: phone, smsOptIn: false });
    await t.stores.accounts.setPhone(other.id, { e164: phone, smsOptIn: false });
    expect(await t.stores.accounts.isPhoneVerifiedElsewhere(phone, other.id)).toBe(false);

    await t.stores.accounts.markPhoneVerified(owner.id, phone, minutes(1));
    expect(await t.stores.accounts.isPhoneVerifiedElsewhere(phone, other.id)).toBe(true);
    expect(await t.stores.accounts.isPhoneVerifiedElsewhere(phone, owner.id)).toBe(false);
    expect(await t.stores.accounts.isPhoneVerifiedElsewhere(aPhoneNumber(), other.id)).toBe(false);
  });

  it("takes the row lock of an existing or missing account without failing", async () => {
    const account = anAccount();
    await t.stores.accounts.create(account);
    await t.stores.transaction(async (stores) => {
      await stores.accounts.lockForUpdate(account.id);
      await stores.accounts.lockForUpdate(anAccount().id);
    });
  });

  // Email verification.
  it("marks the email verified only while it is still the account's address", async () => {
    const account = anAccount();
    await t.stores.accounts.create(account);
    expect(await t.stores.accounts.markEmailVerified(account.id, "someone.else@example.test", minutes(1))).toBe(false);
    expect((await t.stores.accounts.findById(account.id))!.emailVerifiedAt).toBeNull();
    expect(await t.stores.accounts.markEmailVerified(account.id, account.email, minutes(2))).toBe(true);
    expect((await t.stores.accounts.findById(account.id))!.emailVerifiedAt).toEqual(minutes(2));
    expect(await t.stores.accounts.markEmailVerified(anAccount().id, account.email, minutes(3))).toBe(false);
  });

  it("changes the email to a free address, verified, and answers false for a taken one", async () => {
    const account = anAccount();
    const other = anAccount();
    await t.stores.accounts.create(account);
    await t.stores.accounts.create(other);
    expect(await t.stores.accounts.changeEmail(account.id, other.email, minutes(1))).toBe(false);
    expect((await t.stores.accounts.findById(account.id))!.email).toBe(account.email);
    const next = `next.${account.email}`;
    expect(await t.stores.accounts.changeEmail(account.id, next, minutes(2))).toBe(true);
    expect(await t.stores.accounts.findByEmail(next)).toMatchObject({ id: account.id, emailVerifiedAt: minutes(2) });
  });

  it("keeps a transaction usable after a change to a taken email", async () => {
    const account = anAccount();
    const other = anAccount();
    await t.stores.accounts.create(account);
    await t.stores.accounts.create(other);
    await t.stores.transaction(async (stores) => {
      expect(await stores.accounts.changeEmail(account.id, other.email, minutes(1))).toBe(false);
      expect(await stores.accounts.findById(account.id)).not.toBeNull();
    });
  });
});
