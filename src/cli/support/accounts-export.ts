// usher accounts export: the member's data, as "Download your data" gives it, for support to
// hand over. JSON on standard output, or in a file that only this user can read.
import { writeFile } from "node:fs/promises";
import { exportDataForSupport } from "../../core/accounts/export-account";
import { withCore } from "../open-core";
import type { Subcommand } from "../subcommands";
import { accountQueryOf, readArguments, requireOperator, resolveAccount } from "./arguments";

const usage = "usher accounts export <account> --operator <you> [--out <file>]";

export const exportAccountCommand: Subcommand = async (config, args) => {
  const { values, positionals } = readArguments(args, { operator: { type: "string" }, out: { type: "string" } }, usage);
  if (positionals.length !== 1) throw new Error(`Usage: ${usage}`);
  accountQueryOf(positionals[0], usage);
  const operator = requireOperator(values.operator);
  const data = await withCore(config, async (core) => {
    const account = await resolveAccount(core, positionals[0]!, usage);
    return exportDataForSupport(core, account.id, operator);
  });
  if (!data) throw new Error(`No account matches ${positionals[0]}.`);
  const json = `${JSON.stringify(data, null, 2)}\n`;
  if (typeof values.out !== "string") return void process.stdout.write(json);
  // Personal data: readable by this user only; an existing file is not overwritten.
  await writeFile(values.out, json, { mode: 0o600, flag: "wx" }).catch((error: NodeJS.ErrnoException) => {
    throw new Error(error.code === "EEXIST" ? `${values.out} already exists; choose another file.` : `${values.out}: ${error.message}`);
  });
  console.log(`Wrote the data of ${data.account.email} (${data.account.id}) to ${values.out}.`);
};
