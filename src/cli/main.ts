// `usher <command>`: the operator's entry point (npm run usher -- <command>).
import { migrateCommand } from "./migrate";
import { serveCommand } from "./serve";

const commands: Record<string, { summary: string; run(args: string[]): Promise<void> }> = {
  serve: serveCommand,
  migrate: migrateCommand,
};

const [name = "help", ...args] = process.argv.slice(2);
const command = commands[name];
if (!command) {
  const list = Object.entries(commands)
    .map(([key, value]) => `  ${key.padEnd(10)} ${value.summary}`)
    .join("\n");
  console.log(`Usage: usher <command>\n\nCommands:\n${list}`);
  process.exitCode = name === "help" || name === "--help" ? 0 : 1;
} else {
  command.run(args).catch((error: unknown) => {
    console.error(`usher ${name}: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
