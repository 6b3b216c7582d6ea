// usher clients: the platform's services that ask Usher about sessions. Arguments and the
// configuration are checked before the database opens, so a typo costs no connection. A
// secret is printed once; only its SHA-256 is kept, here or in SERVICE_CLIENTS.
import { systemClock } from "../core/clock";
import { cryptoRandom } from "../core/crypto/random";
import { addServiceClient, rotateServiceSecret, SERVICE_CLIENT_ID, secretDigest } from "../core/services/service-clients";
import type { ServerConfig } from "../server/config";
import { withStores } from "./open-stores";
import { table, timestamp } from "./output";
import { runSubcommand, type Subcommand } from "./subcommands";

const usage = `Usage:
  usher clients add <id> <name…>      Add a service client; prints its secret once
  usher clients list                  The service clients, configured and added here
  usher clients remove <id>           Remove a service client added here
  usher clients rotate-secret <id>    Replace a client's secret; prints the new one once`;

export const run = (args: string[]): Promise<void> => runSubcommand(args, usage, subcommands);

const subcommands: Record<string, Subcommand> = {
  async add(config, [id, ...words]) {
    if (id === undefined || words.length === 0) throw new Error("Usage: usher clients add <id> <name…>");
    const name = words.join(" ").trim();
    checkId(id);
    if (name.length < 1 || name.length > 60) throw new Error(`A client's name is 1 to 60 characters; this one has ${name.length}.`);
    if (configured(config, id)) throw new Error(`${id} is configured by SERVICE_CLIENTS; choose another id.`);
    const added = await withStores(config, (stores) =>
      addServiceClient({ stores, clock: systemClock, random: cryptoRandom }, { id, name }),
    );
    if (!added.ok) throw new Error(`A service client with id ${id} already exists (usher clients list shows them).`);
    console.log(`Added service client ${id} (${name}).\n`);
    printSecret(id, name, added.secret);
  },

  async list(config) {
    const stored = await withStores(config, (stores) => stores.serviceClients.list());
    const inConfig = config.core.services.clients;
    if (inConfig.length === 0 && stored.length === 0) {
      console.log("No service clients yet. Add one with: usher clients add <id> <name>");
      return;
    }
    const rows = [
      ...inConfig.map((client) => [client.id, client.name, "configured", "—", "—"]),
      ...stored.map((client) => [
        client.id,
        client.name,
        // Configuration wins on an id both name: the stored one is never consulted.
        configured(config, client.id) ? "cli (unused: SERVICE_CLIENTS names this id)" : "cli",
        timestamp(client.createdAt),
        client.secretRotatedAt ? timestamp(client.secretRotatedAt) : "never",
      ]),
    ];
    console.log(table(["ID", "NAME", "SOURCE", "CREATED", "SECRET ROTATED"], rows));
  },

  async remove(config, [id, ...extra]) {
    if (id === undefined || extra.length > 0) throw new Error("Usage: usher clients remove <id>");
    checkId(id);
    const removed = await withStores(config, (stores) => stores.serviceClients.remove(id));
    // A stored client that configuration overrides may go; the configured one stays.
    if (configured(config, id)) {
      throw new Error(
        removed
          ? `Removed the stored copy of ${id}, but ${id} is configured by SERVICE_CLIENTS; change the variable to remove it.`
          : `${id} is configured by SERVICE_CLIENTS; change the variable instead.`,
      );
    }
    if (!removed) throw new Error(`No service client with id ${id} (usher clients list shows them).`);
    console.log(`Removed service client ${id}. Nodes stop accepting its secret within ${cacheSeconds(config)} seconds.`);
  },

  async "rotate-secret"(config, [id, ...extra]) {
    if (id === undefined || extra.length > 0) throw new Error("Usage: usher clients rotate-secret <id>");
    checkId(id);
    if (configured(config, id)) throw new Error(`${id} is configured by SERVICE_CLIENTS; change the variable instead.`);
    const rotated = await withStores(config, (stores) => rotateServiceSecret({ stores, clock: systemClock, random: cryptoRandom }, id));
    if (!rotated.ok) throw new Error(`No service client with id ${id} (usher clients list shows them).`);
    console.log(`New secret for service client ${id}.\n`);
    printSecret(id, undefined, rotated.secret);
    // Nodes remember credentials that verified for the cache time; new ones are looked up at once.
    console.log(`\nThe new secret works at once; each node stops taking the old one within ${cacheSeconds(config)} seconds.`);
  },
};

function printSecret(id: string, name: string | undefined, secret: string): void {
  console.log(`  Client id:     ${id}\n  Client secret: ${secret}\n`);
  console.log("This secret is shown only this once: Usher stores only its SHA-256. Put it in the service's secret store now.");
  if (name !== undefined) {
    console.log("\nTo configure this client in SERVICE_CLIENTS instead, its entry is:");
    console.log(`  ${JSON.stringify({ id, name, secretSha256: secretDigest(secret) })}`);
  }
}

function checkId(id: string): void {
  if (!SERVICE_CLIENT_ID.test(id)) throw new Error(`"${id}" is not a client id: 1 to 100 letters, digits, dots, dashes or underscores.`);
}

const configured = (config: ServerConfig, id: string): boolean => config.core.services.clients.some((client) => client.id === id);

const cacheSeconds = (config: ServerConfig): number => Math.ceil(config.core.services.clientCacheMs / 1000);
