// Viewer profiles of an account ("Who's watching?"); names are unique per account, ignoring case.
import { and, asc, eq, sql } from "drizzle-orm";
import type { AvatarId } from "../../contract/avatars";
import type { Language } from "../../contract/languages";
import type { MaturityRating } from "../../contract/schemas/catalogue";
import type { ProfileRecord, ProfileStore } from "../../core/profiles/ports";
import type { Database } from "../database";
import { profile, profileLockSetting } from "../schema";
import { unlessUniqueViolation } from "./conflicts";
import { preparedOnce } from "./prepared";

type ProfileRow = typeof profile.$inferSelect;

export const toProfileRecord = (row: ProfileRow): ProfileRecord => ({
  ...row,
  avatar: row.avatar as AvatarId,
  // The database's check constraint keeps it one of the ratings.
  maxRating: row.maxRating as MaturityRating,
  language: row.language as Language,
});

export function createProfileStore(db: Database): ProfileStore {
  const byId = (accountId: string, profileId: string) => and(eq(profile.accountId, accountId), eq(profile.id, profileId));

  const findPrepared = preparedOnce(() =>
    db
      .select()
      .from(profile)
      .where(and(eq(profile.accountId, sql.placeholder("accountId")), eq(profile.id, sql.placeholder("profileId"))))
      .prepare("usher_profile_by_id"),
  );
  const find = async (accountId: string, profileId: string) => {
    const [row] = await findPrepared().execute({ accountId, profileId });
    return row ? toProfileRecord(row) : null;
  };

  return {
    async listByAccount(accountId) {
      const rows = await db
        .select()
        .from(profile)
        .where(eq(profile.accountId, accountId))
        .orderBy(asc(profile.position), asc(profile.createdAt));
      return rows.map(toProfileRecord);
    },

    find,

    async create(record) {
      // No conflict target: the name index is on an expression (lower(name)), which
      // Drizzle cannot name, and the only other unique key is a random UUID.
      const inserted = await db.insert(profile).values(record).onConflictDoNothing().returning({ id: profile.id });
      return inserted.length === 1;
    },

    async update(accountId, profileId, patch) {
      const changes = {
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.avatar !== undefined && { avatar: patch.avatar }),
        ...(patch.isKids !== undefined && { isKids: patch.isKids }),
        ...(patch.maxRating !== undefined && { maxRating: patch.maxRating }),
        ...(patch.restrictedTitles !== undefined && { restrictedTitles: patch.restrictedTitles }),
        ...(patch.language !== undefined && { language: patch.language }),
      };
      if (Object.keys(changes).length === 0) {
        return (await find(accountId, profileId)) ?? "not_found";
      }
      return unlessUniqueViolation(
        db,
        async (tx) => {
          const [row] = await tx.update(profile).set(changes).where(byId(accountId, profileId)).returning();
          return row ? toProfileRecord(row) : "not_found";
        },
        "name_taken",
      );
    },

    async delete(accountId, profileId) {
      const deleted = await db.delete(profile).where(byId(accountId, profileId)).returning({ id: profile.id });
      return deleted.length === 1;
    },

    // ---- profile lock ----
    async setPin(accountId, profileId, pinHash) {
      const updated = await db.update(profile).set({ pinHash }).where(byId(accountId, profileId)).returning({ id: profile.id });
      return updated.length === 1;
    },

    async requiresPinToAdd(accountId) {
      const [row] = await db.select().from(profileLockSetting).where(eq(profileLockSetting.accountId, accountId));
      return row?.requirePinToAddProfiles ?? false;
    },

    async setRequirePinToAdd(accountId, required) {
      await db
        .insert(profileLockSetting)
        .values({ accountId, requirePinToAddProfiles: required })
        .onConflictDoUpdate({ target: profileLockSetting.accountId, set: { requirePinToAddProfiles: required } });
    },

    // ---- parental controls ----
    async asksPasswordToExitKids(accountId) {
      const [row] = await db.select().from(profileLockSetting).where(eq(profileLockSetting.accountId, accountId));
      return row?.askPasswordToExitKids ?? false;
    },

    async setAskPasswordToExitKids(accountId, asked) {
      await db
        .insert(profileLockSetting)
        .values({ accountId, askPasswordToExitKids: asked })
        .onConflictDoUpdate({ target: profileLockSetting.accountId, set: { askPasswordToExitKids: asked } });
    },
  };
}
