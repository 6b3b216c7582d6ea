// What every support command reads from its arguments: the options (node's parseArgs, strict,
// so a misspelt option fails before anything opens), the operator, and the account named.
import { type ParseArgsConfig, parseArgs } from "node:util";
import type { AccountRecord } from "../../core/accounts/ports";
import type { CoreDeps } from "../../core/deps";
import { findAccounts, parseAccountQuery } from "../../core/support/find-accounts";
import { type Operator, parseOperator } from "../../core/support/operator";

type Options = NonNullable<ParseArgsConfig["options"]>;

export function readArguments<O extends Options>(args: string[], options: O, usage: string) {
  try {
    return parseArgs({ args, options: { ...options, json: { type: "boolean" } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\nUsage: ${usage}`);
  }
}

/** The operator every change is audited under. */
export function requireOperator(name: string | boolean | undefined): Operator {
  if (typeof name !== "string") throw new Error("Say who you are with --operator <your name>: every support action is audited under it.");
  const operator = parseOperator(name);
  if (!operator) throw new Error(`"${name}" is not an operator name: 1 to 60 letters, digits, spaces, dots, dashes, underscores or @.`);
  return operator;
}

/** Checks the words name an account before anything opens. */
export function accountQueryOf(text: string | undefined, usage: string) {
  if (text === undefined) throw new Error(`Name the account: its email, phone number (+country code) or id.\nUsage: ${usage}`);
  const query = parseAccountQuery(text);
  if (!query) throw new Error(`"${text}" is not an email, a phone number with its country code (+1…), or an account id.`);
  return query;
}

/**
 * The arguments of a command that changes one account: its options, the account named (checked
 * to be an email, a phone number or an id), and the operator.
 */
export function readAccountAction<O extends Options>(args: string[], options: O, usage: string) {
  const { values, positionals } = readArguments(args, { ...options, operator: { type: "string" } }, usage);
  if (positionals.length !== 1) throw new Error(`Usage: ${usage}`);
  const named = positionals[0]!;
  accountQueryOf(named, usage);
  return { values, named, operator: requireOperator((values as { operator?: string | boolean }).operator) };
}

/** The one account the query names; several (an unverified number on more than one) must be told apart by id. */
export async function resolveAccount(core: Pick<CoreDeps, "stores">, text: string, usage: string): Promise<AccountRecord> {
  const found = await findAccounts(core, accountQueryOf(text, usage));
  if (found.length === 0) throw new Error(`No account matches ${text} (usher accounts find ${text} looks it up).`);
  if (found.length > 1)
    throw new Error(`${found.length} accounts hold ${text}: name one by its id (${found.map((account) => account.id).join(", ")}).`);
  return found[0]!;
}

export const print = (value: unknown): void => console.log(JSON.stringify(value, null, 2));
