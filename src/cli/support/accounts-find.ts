// usher accounts find <email|phone|id>: which accounts a member's details match.
import type { AccountRecord } from "../../core/accounts/ports";
import { findAccounts } from "../../core/support/find-accounts";
import { withStores } from "../open-stores";
import { table, timestamp } from "../output";
import type { Subcommand } from "../subcommands";
import { accountQueryOf, print, readArguments } from "./arguments";

const usage = "usher accounts find <email|phone|id> [--json]";

export const findAccountsCommand: Subcommand = async (config, args) => {
  const { values, positionals } = readArguments(args, {}, usage);
  if (positionals.length !== 1) throw new Error(`Usage: ${usage}`);
  const query = accountQueryOf(positionals[0], usage);
  const found = await withStores(config, (stores) => findAccounts({ stores }, query));
  if (values.json) return print(found.map(summary));
  if (found.length === 0) return void console.log(`No account matches ${positionals[0]}.`);
  console.log(
    table(
      ["ID", "EMAIL", "PHONE", "PLAN", "CREATED", "STATUS"],
      found.map((account) => [
        account.id,
        account.email,
        account.phoneE164 ? `${account.phoneE164}${account.phoneVerifiedAt ? "" : " (unverified)"}` : "—",
        account.plan,
        timestamp(account.createdAt),
        account.lockedAt ? "locked" : "active",
      ]),
    ),
  );
};

export const summary = (account: AccountRecord) => ({
  id: account.id,
  email: account.email,
  emailVerified: account.emailVerifiedAt !== null,
  phone: account.phoneE164,
  phoneVerified: account.phoneVerifiedAt !== null,
  plan: account.plan,
  createdAt: account.createdAt.toISOString(),
  locked: account.lockedAt ? { at: account.lockedAt.toISOString(), reason: account.lockedReason } : null,
});
