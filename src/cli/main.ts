// `usher <command>`: the operator's entry point (npm run usher -- <command>). A command's module
// is loaded only when it runs, and each reads its configuration before it loads anything that
// connects: a bad variable ends the process at once, with nothing left open to keep it alive.
import { ConfigError } from "../server/config";

interface Command {
  summary: string;
  load(): Promise<{ run(args: string[]): Promise<void> }>;
}

const commands: Record<string, Command> = {
  serve: { summary: "Start the Usher service (embedded database unless DATABASE_URL is set)", load: () => import("./serve") },
  migrate: { summary: "Apply database migrations (also done at every start)", load: () => import("./migrate") },
  clients: { summary: "Add, list and remove service clients, and rotate their secrets", load: () => import("./clients") },
  webhooks: { summary: "Add, list and remove webhook endpoints, and see how their deliveries fare", load: () => import("./webhooks") },
  accounts: { summary: "Find, show, lock, unlock, export and delete members' accounts (support)", load: () => import("./accounts") },
  sessions: { summary: "List an account's devices and sign them out (support)", load: () => import("./sessions") },
  "two-step": { summary: "Reset a member's two-step verification (support)", load: () => import("./two-step") },
  purge: { summary: "Delete what the retention periods no longer keep (nodes do it hourly too)", load: () => import("./purge") },
};

// Output piped into `head` or a pager that closes early ends the command quietly, as Unix tools do.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

const [name = "help", ...args] = process.argv.slice(2);
const command = commands[name];
if (!command) {
  const list = Object.entries(commands)
    .map(([key, value]) => `  ${key.padEnd(10)} ${value.summary}`)
    .join("\n");
  console.log(`Usage: usher <command>\n\nCommands:\n${list}`);
  process.exitCode = name === "help" || name === "--help" ? 0 : 1;
} else {
  try {
    const { run } = await command.load();
    await run(args);
  } catch (error) {
    // What to fix, not a stack. Exit now: a failure after connections opened (the port taken)
    // would otherwise leave the process running, doing nothing.
    const lines =
      error instanceof ConfigError ? error.problems : [`usher ${name}: ${error instanceof Error ? error.message : String(error)}`];
    for (const line of lines) console.error(line);
    process.exit(1);
  }
}
