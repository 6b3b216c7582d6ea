// usher accounts: support's view of members' accounts, and the changes support makes to them.
// Each subcommand lives in ./support; every change names its operator (--operator), and the
// account's activity shows it as done by Usher support.
import { runSubcommand, type Subcommand } from "./subcommands";
import { deleteAccountCommand } from "./support/accounts-delete";
import { exportAccountCommand } from "./support/accounts-export";
import { findAccountsCommand } from "./support/accounts-find";
import { lockAccountCommand, unlockAccountCommand } from "./support/accounts-lock";
import { showAccountCommand } from "./support/accounts-show";

export const accountsUsage = `Usage:
  usher accounts find <email|phone|id>                            Accounts matching an email, a phone number (+country code) or an id
  usher accounts show <account>                                   One account: details, two-step, profiles, devices, recent activity
  usher accounts lock <account> --reason <text> --operator <you>  Lock it: every device is signed out and no sign-in works until unlocked
  usher accounts unlock <account> --operator <you>                Unlock it: the owner can sign in again
  usher accounts export <account> --operator <you> [--out <file>] Everything Usher keeps about it, as JSON (the member's "Download your data")
  usher accounts delete <account> --operator <you> --yes          Delete it and erase its data, as the member's own "Delete account" does

<account> is an email, a phone number or an account id. Add --json for machine-readable output.`;

export const run = (args: string[]): Promise<void> => runSubcommand(args, accountsUsage, subcommands);

const subcommands: Record<string, Subcommand> = {
  find: findAccountsCommand,
  show: showAccountCommand,
  lock: lockAccountCommand,
  unlock: unlockAccountCommand,
  export: exportAccountCommand,
  delete: deleteAccountCommand,
};
