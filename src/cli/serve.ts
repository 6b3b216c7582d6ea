// usher serve: runs a node until it is told to stop.
import { readConfig } from "../server/config";
import { startServer } from "../server/main";

export const serveCommand = {
  summary: "Start the Usher service (embedded database unless DATABASE_URL is set)",
  async run(): Promise<void> {
    const started = performance.now();
    const config = readConfig();
    const server = await startServer(config);
    const storage = config.mode === "embedded" ? `embedded database in ${config.dataDir}` : "PostgreSQL";
    console.log(`Usher is running at ${server.url} (${storage}; ready in ${Math.round(performance.now() - started)} ms)`);
    const stop = async () => {
      await server.close();
      process.exit(0);
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  },
};
