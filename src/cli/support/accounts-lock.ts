// usher accounts lock / unlock: a lock signs every device out and refuses every way in until
// support unlocks it; the owner is told by email either way.
import { LOCK_REASON_MAX, lockAccount, unlockAccount } from "../../core/support/lock-account";
import { withCore } from "../open-core";
import type { Subcommand } from "../subcommands";
import { print, readAccountAction, resolveAccount } from "./arguments";

const lockUsage = "usher accounts lock <account> --reason <text> --operator <you> [--json]";
const unlockUsage = "usher accounts unlock <account> --operator <you> [--json]";

export const lockAccountCommand: Subcommand = async (config, args) => {
  const { values, named, operator } = readAccountAction(args, { reason: { type: "string" } }, lockUsage);
  const reason = typeof values.reason === "string" ? values.reason.trim() : "";
  if (reason.length === 0) throw new Error("Say why with --reason <text>: the team reads it in usher accounts show and the audit log.");
  if (reason.length > LOCK_REASON_MAX) throw new Error(`A reason is at most ${LOCK_REASON_MAX} characters; this one has ${reason.length}.`);
  const { account, answer } = await withCore(config, async (core) => {
    const account = await resolveAccount(core, named, lockUsage);
    return { account, answer: await lockAccount(core, account.id, reason, operator) };
  });
  if (answer === "no_account") throw new Error(`The account ${account.id} was deleted meanwhile.`);
  if (answer === "already_locked") throw new Error(`${account.email} is already locked (usher accounts show ${account.id} says why).`);
  if (values.json) return print({ accountId: account.id, locked: true, signedOutDevices: answer.signedOutDevices });
  console.log(
    `Locked ${account.email} (${account.id}). ${devices(answer.signedOutDevices)} signed out; no sign-in works until usher accounts unlock.`,
  );
};

export const unlockAccountCommand: Subcommand = async (config, args) => {
  const { values, named, operator } = readAccountAction(args, {}, unlockUsage);
  const { account, answer } = await withCore(config, async (core) => {
    const account = await resolveAccount(core, named, unlockUsage);
    return { account, answer: await unlockAccount(core, account.id, operator) };
  });
  if (answer === "no_account") throw new Error(`The account ${account.id} was deleted meanwhile.`);
  if (answer === "not_locked") throw new Error(`${account.email} is not locked.`);
  if (values.json) return print({ accountId: account.id, locked: false });
  console.log(`Unlocked ${account.email} (${account.id}). The owner can sign in again.`);
};

export const devices = (count: number): string => (count === 1 ? "1 device" : `${count} devices`);
