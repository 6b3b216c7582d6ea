// usher accounts export: the member's data, as "Download your data" gives it, for support to
// hand over. JSON on standard output, or in a file that only this user can read.
import { writeFile } from "node:fs/promises";
import { exportDataForSupport } from "../../core/accounts/export-account";
import { withCore } from "../open-core";
import type { Subcommand } from "../subcommands";
import { readAccountAction, resolveAccount } from "./arguments";

const usage = "usher accounts export <account> --operator <you> [--out <file>]";

export const exportAccountCommand: Subcommand = async (config, args) => {
  const { values, named, operator } = readAccountAction(args, { out: { type: "string" } }, usage);
  const data = await withCore(config, async (core) => {
    const account = await resolveAccount(core, named, usage);
    return exportDataForSupport(core, account.id, operator);
  });
  if (!data) throw new Error(`No account matches ${named}.`);
  const json = `${JSON.stringify(data, null, 2)}\n`;
  if (typeof values.out !== "string") return void process.stdout.write(json);
  // Personal data: readable by this user only; an existing file is not overwritten.
  await writeFile(values.out, json, { mode: 0o600, flag: "wx" }).catch((error: NodeJS.ErrnoException) => {
    throw new Error(error.code === "EEXIST" ? `${values.out} already exists; choose another file.` : `${values.out}: ${error.message}`);
  });
  console.log(`Wrote the data of ${data.account.email} (${data.account.id}) to ${values.out}.`);
};
