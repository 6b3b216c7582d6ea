// usher two-step reset: the member lost their second step; after checking who they are by the
// team's own procedure, support removes it so the password alone signs in again.
import { resetTwoStep } from "../../core/support/reset-two-step";
import { withCore } from "../open-core";
import type { Subcommand } from "../subcommands";
import { print, readAccountAction, resolveAccount } from "./arguments";

const usage = "usher two-step reset <account> --operator <you> [--json]";

export const resetTwoStepCommand: Subcommand = async (config, args) => {
  const { values, named, operator } = readAccountAction(args, {}, usage);
  const { account, answer } = await withCore(config, async (core) => {
    const account = await resolveAccount(core, named, usage);
    return { account, answer: await resetTwoStep(core, account.id, operator) };
  });
  if (answer === "no_account") throw new Error(`The account ${account.id} was deleted meanwhile.`);
  if (answer === "two_step_off") throw new Error(`${account.email} has no two-step verification to reset.`);
  if (values.json) return print({ accountId: account.id, removed: answer });
  const removed = [
    answer.authenticatorApp ? "the authenticator app" : null,
    answer.passkeys ? `${answer.passkeys} passkey(s)` : null,
    answer.backupCodes ? `${answer.backupCodes} backup code(s)` : null,
  ].filter(Boolean);
  console.log(`Reset two-step verification of ${account.email}: removed ${removed.join(", ")}. The owner was emailed.`);
};
