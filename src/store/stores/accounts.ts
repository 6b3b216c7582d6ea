// The account aggregate on PostgreSQL / PGlite: sign-up, credentials and the recovery phone.
import { and, eq, getTableName, isNotNull, ne, sql } from "drizzle-orm";
import type { Language } from "../../contract/languages";
import type { AccountRecord, AccountStore, Plan } from "../../core/accounts/ports";
import { twoStepStateOf } from "../../core/mfa/two-step-facts";
import type { Database } from "../database";
import { account, backupCode, mfaTotp, passkey, passkeySecondStep } from "../schema";
import { unlessUniqueViolation } from "./conflicts";
import { preparedOnce } from "./prepared";

type AccountRow = typeof account.$inferSelect;

// The database's check constraint keeps the language one Usher speaks.
const toRecord = (row: AccountRow): AccountRecord => ({ ...row, plan: row.plan as Plan, language: row.language as Language });

export function createAccountStore(db: Database): AccountStore {
  const byId = preparedOnce(() =>
    db
      .select()
      .from(account)
      .where(eq(account.id, sql.placeholder("id")))
      .prepare("usher_account_by_id"),
  );

  // Every sign-in's first read: the account and its second factors in one statement. The
  // subqueries name the account's id in full: Drizzle leaves a one-table query's columns bare.
  const accountId = sql`${sql.identifier(getTableName(account))}.${sql.identifier(account.id.name)}`;
  const forSignIn = preparedOnce(() =>
    db
      .select({
        account,
        totpEnabled: sql<boolean>`exists (select 1 from ${mfaTotp} where ${mfaTotp.accountId} = ${accountId} and ${mfaTotp.enabledAt} is not null)`,
        passkeys: sql<number>`(select count(*) from ${passkey} where ${passkey.accountId} = ${accountId})`.mapWith(Number),
        passkeyStepChosen: sql<boolean>`exists (select 1 from ${passkeySecondStep} where ${passkeySecondStep.accountId} = ${accountId})`,
        backupCodesLeft:
          sql<number>`(select count(*) from ${backupCode} where ${backupCode.accountId} = ${accountId} and ${backupCode.usedAt} is null)`.mapWith(
            Number,
          ),
      })
      .from(account)
      .where(eq(account.email, sql.placeholder("email")))
      .prepare("usher_account_for_sign_in"),
  );

  return {
    async create(record) {
      // DO NOTHING rather than catching the violation: a taken email is expected, and a
      // failed statement would abort the transaction the sign-up runs in.
      const inserted = await db.insert(account).values(record).onConflictDoNothing({ target: account.email }).returning({ id: account.id });
      return inserted.length === 1;
    },

    async findById(id) {
      const [row] = await byId().execute({ id });
      return row ? toRecord(row) : null;
    },

    async findByEmail(email) {
      // Emails are case-folded before they reach the store, so equality is enough.
      const [row] = await db.select().from(account).where(eq(account.email, email));
      return row ? toRecord(row) : null;
    },

    async findForSignIn(email) {
      const [row] = await forSignIn().execute({ email });
      if (!row) return null;
      const { account: found, ...facts } = row;
      return { account: toRecord(found), twoStep: twoStepStateOf(facts) };
    },

    async findByPhone(e164) {
      const rows = await db.select().from(account).where(eq(account.phoneE164, e164)).orderBy(account.createdAt);
      return rows.map(toRecord);
    },

    async setLock(id, lock) {
      const updated = await db
        .update(account)
        .set({ lockedAt: lock?.at ?? null, lockedReason: lock?.reason ?? null })
        .where(eq(account.id, id))
        .returning({ id: account.id });
      return updated.length === 1;
    },

    async delete(id) {
      const deleted = await db.delete(account).where(eq(account.id, id)).returning({ id: account.id });
      return deleted.length === 1;
    },

    async lockForUpdate(id) {
      await db.select({ id: account.id }).from(account).where(eq(account.id, id)).for("update");
    },

    async updatePassword(id, passwordHash, changedAt) {
      await db.update(account).set({ passwordHash, passwordChangedAt: changedAt }).where(eq(account.id, id));
    },

    async setLanguageAndTimeZone(id, { language, timeZone }) {
      await db.update(account).set({ language, timeZone }).where(eq(account.id, id));
    },

    async setSmsOptIn(id, smsOptIn) {
      await db.update(account).set({ smsOptIn }).where(eq(account.id, id));
    },

    async setPlan(id, plan) {
      await db.update(account).set({ plan }).where(eq(account.id, id));
    },

    async setPhone(id, phone) {
      await db
        .update(account)
        .set({ phoneE164: phone?.e164 ?? null, phoneVerifiedAt: null, smsOptIn: phone?.smsOptIn ?? false })
        .where(eq(account.id, id));
    },

    async markEmailVerified(id, email, at) {
      // Only while the link's address is still the account's: a link to an old address proves nothing now.
      const updated = await db
        .update(account)
        .set({ emailVerifiedAt: at })
        .where(and(eq(account.id, id), eq(account.email, email)))
        .returning({ id: account.id });
      return updated.length === 1;
    },

    async changeEmail(id, email, at) {
      // The unique index on email decides a race with a sign-up or another change.
      return unlessUniqueViolation(
        db,
        async (tx) => {
          const updated = await tx
            .update(account)
            .set({ email, emailVerifiedAt: at })
            .where(eq(account.id, id))
            .returning({ id: account.id });
          return updated.length === 1;
        },
        false,
      );
    },

    async markPhoneVerified(id, e164, at) {
      // Only while `e164` is still the account's number: a change that raced the code check
      // must not come back verified. The partial unique index refuses the number when
      // another account verified it first.
      return unlessUniqueViolation(
        db,
        async (tx) => {
          const updated = await tx
            .update(account)
            .set({ phoneVerifiedAt: at })
            .where(and(eq(account.id, id), eq(account.phoneE164, e164)))
            .returning({ id: account.id });
          return updated.length === 1;
        },
        false,
      );
    },

    async isPhoneVerifiedElsewhere(e164, accountId) {
      const rows = await db
        .select({ id: account.id })
        .from(account)
        .where(and(eq(account.phoneE164, e164), isNotNull(account.phoneVerifiedAt), ne(account.id, accountId)))
        .limit(1);
      return rows.length > 0;
    },

    async findByVerifiedPhone(e164) {
      const [row] = await db
        .select()
        .from(account)
        .where(and(eq(account.phoneE164, e164), isNotNull(account.phoneVerifiedAt)));
      return row ? toRecord(row) : null;
    },
  };
}
