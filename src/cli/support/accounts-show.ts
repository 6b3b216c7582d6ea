// usher accounts show <account>: what support needs on the phone with a member. No secrets:
// whether two-step is on and how, never a code, a hash or a key.
import { twoStepState } from "../../core/mfa/two-step-state";
import { withStores } from "../open-stores";
import { table, timestamp } from "../output";
import type { Subcommand } from "../subcommands";
import { summary } from "./accounts-find";
import { print, readArguments, resolveAccount } from "./arguments";

const usage = "usher accounts show <account> [--json]";
/** Enough to see what just happened; the member's own page, or an export, has the rest. */
const RECENT_EVENTS = 10;

export const showAccountCommand: Subcommand = async (config, args) => {
  const { values, positionals } = readArguments(args, {}, usage);
  if (positionals.length !== 1) throw new Error(`Usage: ${usage}`);
  const shown = await withStores(config, async (stores) => {
    const account = await resolveAccount({ stores }, positionals[0]!, usage);
    const [twoStep, profiles, devices, activity] = await Promise.all([
      twoStepState(stores, account.id),
      stores.profiles.listByAccount(account.id),
      stores.sessions.listLive(account.id, new Date()),
      stores.audit.listPage(account.id, RECENT_EVENTS),
    ]);
    return { account, twoStep, profiles, devices, activity };
  });
  const { account, twoStep, profiles, devices, activity } = shown;
  if (values.json) {
    return print({
      ...summary(account),
      twoStep: {
        on: twoStep.enabled,
        authenticatorApp: twoStep.totp,
        passkeys: twoStep.passkeys,
        backupCodesLeft: twoStep.backupCodesLeft,
      },
      profiles: profiles.map((profile) => ({ id: profile.id, name: profile.name, kids: profile.isKids, locked: profile.pinHash !== null })),
      devicesSignedIn: devices.length,
      recentActivity: activity.map((event) => ({
        type: event.type,
        at: event.at.toISOString(),
        ip: event.ip,
        by: event.details.by ?? null,
      })),
    });
  }
  const methods = [twoStep.totp ? "authenticator app" : null, twoStep.passkeys ? `${twoStep.passkeys} passkey(s)` : null];
  const rows = [
    ["Account", account.id],
    ["Email", `${account.email}${account.emailVerifiedAt ? " (verified)" : " (not verified)"}`],
    ["Phone", account.phoneE164 ? `${account.phoneE164}${account.phoneVerifiedAt ? " (verified)" : " (not verified)"}` : "none"],
    ["Plan", account.plan],
    ["Member since", timestamp(account.createdAt)],
    ["Status", account.lockedAt ? `LOCKED since ${timestamp(account.lockedAt)}: ${account.lockedReason ?? ""}` : "active"],
    ["Two-step", twoStep.enabled ? `on: ${methods.filter(Boolean).join(", ")}; ${twoStep.backupCodesLeft} backup codes left` : "off"],
    ["Profiles", profiles.map((profile) => `${profile.name}${profile.isKids ? " (Kids)" : ""}`).join(", ")],
    ["Devices", `${devices.length} signed in (usher sessions list ${account.id})`],
  ];
  console.log(rows.map(([label, value]) => `${label!.padEnd(13)} ${value}`).join("\n"));
  console.log(`\nRecent activity (newest first):`);
  console.log(
    activity.length === 0
      ? "  none"
      : table(
          ["WHEN", "EVENT", "IP", "BY"],
          activity.map((event) => [
            timestamp(event.at),
            event.type,
            event.ip ?? "—",
            typeof event.details.operator === "string" ? `support (${event.details.operator})` : "member",
          ]),
        ),
  );
};
