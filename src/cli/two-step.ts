// usher two-step: support's recovery path for a member who lost their second step.
import { runSubcommand, type Subcommand } from "./subcommands";
import { resetTwoStepCommand } from "./support/two-step-reset";

const usage = `Usage:
  usher two-step reset <account> --operator <you>   Remove the authenticator app, passkeys and backup codes; the owner is emailed

<account> is an email, a phone number or an account id. Add --json for machine-readable output.`;

export const run = (args: string[]): Promise<void> => runSubcommand(args, usage, subcommands);

const subcommands: Record<string, Subcommand> = { reset: resetTwoStepCommand };
