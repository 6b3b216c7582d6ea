// usher sessions list / revoke: an account's devices, and signing them out as support. A
// revocation takes effect as a member's own sign-out does: refused on the next request on every
// node, streams stopped, the platform's services told.
import type { SessionRecord } from "../../core/sessions/ports";
import { signOutBySupport } from "../../core/support/sign-out-by-support";
import { withCore } from "../open-core";
import { withStores } from "../open-stores";
import { table, timestamp } from "../output";
import type { Subcommand } from "../subcommands";
import { devices } from "./accounts-lock";
import { print, readArguments, requireOperator, resolveAccount } from "./arguments";

const listUsage = "usher sessions list <account> [--all] [--json]";
const revokeUsage = "usher sessions revoke <session id> --operator <you>  |  usher sessions revoke --all <account> --operator <you>";
/** A session id is the token's first half: random base64url, never secret. */
const SESSION_ID = /^[A-Za-z0-9_-]{8,64}$/;

export const listSessionsCommand: Subcommand = async (config, args) => {
  const { values, positionals } = readArguments(args, { all: { type: "boolean" } }, listUsage);
  if (positionals.length !== 1) throw new Error(`Usage: ${listUsage}`);
  const { account, sessions } = await withStores(config, async (stores) => {
    const account = await resolveAccount({ stores }, positionals[0]!, listUsage);
    const sessions = values.all ? await stores.sessions.listForAccount(account.id) : await stores.sessions.listLive(account.id, new Date());
    return { account, sessions };
  });
  if (values.json) return print(sessions.map(describe));
  if (sessions.length === 0)
    return void console.log(`${account.email} is signed in on no device${values.all ? " and has none on record" : ""}.`);
  console.log(
    table(
      ["SESSION", "DEVICE", "KIND", "SIGNED IN", "LAST SEEN", "IP", ...(values.all ? ["ENDED"] : [])],
      sessions.map((session) => [
        session.id,
        session.deviceName,
        session.deviceKind,
        timestamp(session.createdAt),
        timestamp(session.lastSeenAt),
        session.ip ?? "—",
        ...(values.all ? [ended(session)] : []),
      ]),
    ),
  );
};

export const revokeSessionsCommand: Subcommand = async (config, args) => {
  const { values, positionals } = readArguments(args, { all: { type: "boolean" }, operator: { type: "string" } }, revokeUsage);
  if (positionals.length !== 1) throw new Error(`Usage: ${revokeUsage}`);
  const operator = requireOperator(values.operator);
  const [named] = positionals as [string];
  if (!values.all && !SESSION_ID.test(named)) throw new Error(`"${named}" is not a session id (usher sessions list <account> shows them).`);
  const outcome = await withCore(config, async (core) => {
    if (values.all) {
      const account = await resolveAccount(core, named, revokeUsage);
      return { account: account.email, answer: await signOutBySupport(core, account.id, "all", operator) };
    }
    const session = await core.stores.sessions.findById(named);
    if (!session) throw new Error(`No session ${named} (usher sessions list <account> shows them).`);
    return { account: session.accountId, answer: await signOutBySupport(core, session.accountId, { sessionId: session.id }, operator) };
  });
  const { answer } = outcome;
  if (answer === "no_account") throw new Error("That account was deleted meanwhile.");
  if (answer === "no_session") throw new Error(`Session ${named} has already ended.`);
  if (values.json) return print({ signedOutDevices: answer.signedOutDevices });
  console.log(`Signed out ${devices(answer.signedOutDevices)} of ${outcome.account}. Each is refused from its next request on.`);
};

const ended = (session: SessionRecord): string =>
  session.revokedAt ? `${timestamp(session.revokedAt)} (${session.revokedReason})` : session.expiresAt < new Date() ? "expired" : "—";

const describe = (session: SessionRecord) => ({
  id: session.id,
  device: { kind: session.deviceKind, name: session.deviceName },
  signedInAt: session.createdAt.toISOString(),
  lastSeenAt: session.lastSeenAt.toISOString(),
  expiresAt: session.expiresAt.toISOString(),
  ip: session.ip,
  revokedAt: session.revokedAt?.toISOString() ?? null,
  revokedReason: session.revokedReason,
});
