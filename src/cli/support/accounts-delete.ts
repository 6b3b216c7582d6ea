// usher accounts delete: erases the account as the member's own "Delete account" does. It
// cannot be undone, so it asks for --yes, and without it says what would go.
import { deleteAccountForSupport } from "../../core/accounts/delete-account";
import { withCore } from "../open-core";
import type { Subcommand } from "../subcommands";
import { devices } from "./accounts-lock";
import { print, readAccountAction, resolveAccount } from "./arguments";

const usage = "usher accounts delete <account> --operator <you> --yes [--json]";

export const deleteAccountCommand: Subcommand = async (config, args) => {
  const { values, named, operator } = readAccountAction(args, { yes: { type: "boolean" } }, usage);
  if (!values.yes) {
    throw new Error(
      `Deleting ${named} signs out every device and erases its profiles, devices, activity, viewing history and messages, for good.\n` +
        "Run again with --yes to delete it. (usher accounts export hands the member a copy first.)",
    );
  }
  const { account, deleted } = await withCore(config, async (core) => {
    const account = await resolveAccount(core, named, usage);
    return { account, deleted: await deleteAccountForSupport(core, account.id, operator) };
  });
  if (!deleted) throw new Error(`The account ${account.id} was already deleted.`);
  if (values.json) return print({ accountId: account.id, deleted: true, signedOutDevices: deleted.signedOutDevices });
  console.log(
    `Deleted ${account.email} (${account.id}): ${devices(deleted.signedOutDevices)} signed out, its data erased. A last email confirms it to the member.`,
  );
};
