// usher sessions: the devices signed in to an account, and signing them out as support.
import { runSubcommand, type Subcommand } from "./subcommands";
import { listSessionsCommand, revokeSessionsCommand } from "./support/sessions";

const usage = `Usage:
  usher sessions list <account> [--all]                 Devices signed in (--all: signed-out and expired ones too)
  usher sessions revoke <session id> --operator <you>   Sign one device out
  usher sessions revoke --all <account> --operator <you> Sign every device of the account out

<account> is an email, a phone number or an account id. Add --json for machine-readable output.`;

export const run = (args: string[]): Promise<void> => runSubcommand(args, usage, subcommands);

const subcommands: Record<string, Subcommand> = { list: listSessionsCommand, revoke: revokeSessionsCommand };
