// A command made of subcommands (`usher clients add …`): bare or `help` prints the usage, an
// unknown one fails with it, and the configuration is read only once the subcommand is known.
import { readConfig, type ServerConfig } from "../server/config";

export type Subcommand = (config: ServerConfig, args: string[]) => Promise<void>;

export async function runSubcommand(args: string[], usage: string, subcommands: Record<string, Subcommand>): Promise<void> {
  const [name, ...rest] = args;
  if (name === undefined || name === "help" || name === "--help") return void console.log(usage);
  const subcommand = Object.hasOwn(subcommands, name) ? subcommands[name] : undefined;
  if (!subcommand) throw new Error(`Unknown subcommand "${name}".\n${usage}`);
  await subcommand(readConfig(), rest);
}
