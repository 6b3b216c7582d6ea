// Contract of ProfileStore: per-account profiles whose names are unique ignoring case.
import { eq } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { session } from "../../src/store/schema";
import { describeOnEachDatabase } from "./each-database";
import { anAccount, aProfile, aSession, minutes } from "./fixtures";

describeOnEachDatabase("profile store", (t) => {
  let accountId: string;
  beforeEach(async () => {
    const account = anAccount();
    await t.stores.accounts.create(account);
    accountId = account.id;
  });

  it("lists an account's profiles in position order and finds each one", async () => {
    const kid = aProfile(accountId, { name: "Kid", position: 1, isKids: true, avatar: "comet" });
    const owner = aProfile(accountId, { name: "Owner", position: 0, pinHash: "pin-hash" });
    expect(await t.stores.profiles.create(kid)).toBe(true);
    expect(await t.stores.profiles.create(owner)).toBe(true);

    expect(await t.stores.profiles.listByAccount(accountId)).toEqual([owner, kid]);
    expect(await t.stores.profiles.find(accountId, kid.id)).toEqual(kid);
  });

  it("does not find or list a profile through another account", async () => {
    const other = anAccount();
    await t.stores.accounts.create(other);
    const profile = aProfile(accountId);
    await t.stores.profiles.create(profile);

    expect(await t.stores.profiles.find(other.id, profile.id)).toBeNull();
    expect(await t.stores.profiles.listByAccount(other.id)).toEqual([]);
  });

  it("answers false for a name already taken in the account, whatever its case", async () => {
    await t.stores.profiles.create(aProfile(accountId, { name: "Alex" }));

    expect(await t.stores.profiles.create(aProfile(accountId, { name: "ALEX", position: 1 }))).toBe(false);
    expect(await t.stores.profiles.listByAccount(accountId)).toHaveLength(1);
  });

  it("allows the same name in different accounts", async () => {
    const other = anAccount();
    await t.stores.accounts.create(other);
    expect(await t.stores.profiles.create(aProfile(accountId, { name: "Alex" }))).toBe(true);
    expect(await t.stores.profiles.create(aProfile(other.id, { name: "Alex" }))).toBe(true);
  });

  it("updates only the patched fields and answers the updated profile", async () => {
    const profile = aProfile(accountId, { name: "Alex", avatar: "ocean" });
    await t.stores.profiles.create(profile);

    const updated = await t.stores.profiles.update(accountId, profile.id, { name: "Sam", isKids: true, maxRating: "7+" });
    expect(updated).toEqual({ ...profile, name: "Sam", isKids: true, maxRating: "7+" });
    expect(await t.stores.profiles.find(accountId, profile.id)).toEqual(updated);
  });

  it("keeps parental controls: a rating and blocked titles, in the order given", async () => {
    const profile = aProfile(accountId);
    await t.stores.profiles.create(profile);
    const updated = await t.stores.profiles.update(accountId, profile.id, {
      maxRating: "13+",
      restrictedTitles: ["paper-planets", "cold-ledger"],
    });
    expect(updated).toEqual({ ...profile, maxRating: "13+", restrictedTitles: ["paper-planets", "cold-ledger"] });
    expect(await t.stores.profiles.find(accountId, profile.id)).toEqual(updated);
  });

  it("refuses a Kids profile above 13+, whatever writes it", async () => {
    const kids = aProfile(accountId, { isKids: true });
    await t.stores.profiles.create(kids);
    await expect(t.stores.profiles.update(accountId, kids.id, { maxRating: "16+" })).rejects.toThrow();
    const adult = aProfile(accountId, { name: "Sam" });
    await t.stores.profiles.create(adult);
    await expect(t.stores.profiles.update(accountId, adult.id, { isKids: true })).rejects.toThrow();
    expect(await t.stores.profiles.find(accountId, kids.id)).toMatchObject({ maxRating: "7+" });
  });

  it("remembers whether leaving a Kids profile asks for the account password", async () => {
    expect(await t.stores.profiles.asksPasswordToExitKids(accountId)).toBe(false);
    await t.stores.profiles.setAskPasswordToExitKids(accountId, true);
    expect(await t.stores.profiles.asksPasswordToExitKids(accountId)).toBe(true);
    await t.stores.profiles.setRequirePinToAdd(accountId, true);
    expect(await t.stores.profiles.asksPasswordToExitKids(accountId)).toBe(true);
    await t.stores.profiles.setAskPasswordToExitKids(accountId, false);
    expect(await t.stores.profiles.asksPasswordToExitKids(accountId)).toBe(false);
    expect(await t.stores.profiles.requiresPinToAdd(accountId)).toBe(true);
  });

  it("answers the profile unchanged for an empty patch", async () => {
    const profile = aProfile(accountId);
    await t.stores.profiles.create(profile);
    expect(await t.stores.profiles.update(accountId, profile.id, {})).toEqual(profile);
  });

  it("answers not_found for a missing profile or one of another account", async () => {
    const other = anAccount();
    await t.stores.accounts.create(other);
    const profile = aProfile(accountId);
    await t.stores.profiles.create(profile);

    expect(await t.stores.profiles.update(other.id, profile.id, { name: "Taken over" })).toBe("not_found");
    expect(await t.stores.profiles.update(other.id, profile.id, {})).toBe("not_found");
    expect(await t.stores.profiles.update(accountId, aProfile(accountId).id, { avatar: "ember" })).toBe("not_found");
    expect(await t.stores.profiles.find(accountId, profile.id)).toEqual(profile);
  });

  it("answers name_taken when renaming onto another profile's name in any case", async () => {
    await t.stores.profiles.create(aProfile(accountId, { name: "Alex" }));
    const sam = aProfile(accountId, { name: "Sam", position: 1 });
    await t.stores.profiles.create(sam);

    expect(await t.stores.profiles.update(accountId, sam.id, { name: "aLeX", avatar: "ember" })).toBe("name_taken");
    expect(await t.stores.profiles.find(accountId, sam.id)).toEqual(sam);
  });

  it("lets a profile change the case of its own name", async () => {
    const profile = aProfile(accountId, { name: "alex" });
    await t.stores.profiles.create(profile);
    expect(await t.stores.profiles.update(accountId, profile.id, { name: "Alex" })).toMatchObject({ name: "Alex" });
  });

  it("deletes a profile of the account and answers whether one was deleted", async () => {
    const other = anAccount();
    await t.stores.accounts.create(other);
    const profile = aProfile(accountId);
    await t.stores.profiles.create(profile);

    expect(await t.stores.profiles.delete(other.id, profile.id)).toBe(false);
    expect(await t.stores.profiles.delete(accountId, profile.id)).toBe(true);
    expect(await t.stores.profiles.delete(accountId, profile.id)).toBe(false);
    expect(await t.stores.profiles.find(accountId, profile.id)).toBeNull();
  });

  it("clears the chosen profile of every session when that profile is deleted", async () => {
    const profile = aProfile(accountId);
    await t.stores.profiles.create(profile);
    const device = aSession(accountId, { profileId: profile.id, lastSeenAt: minutes(1) });
    await t.stores.sessions.create(device);

    await t.stores.profiles.delete(accountId, profile.id);
    const [row] = await t.db.select({ profileId: session.profileId }).from(session).where(eq(session.id, device.id));
    expect(row).toEqual({ profileId: null });
    expect(await t.stores.sessions.findById(device.id)).toEqual({ ...device, profileId: null });
  });
});
