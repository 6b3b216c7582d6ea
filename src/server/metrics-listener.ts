// The listener Prometheus scrapes: GET /metrics, on a port and address of its own
// (METRICS_PORT, METRICS_HOST), so that the numbers never reach the public port a balancer
// forwards. Anything else is 404. A plain node:http server: none of the app's plugins apply.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Registry } from "prom-client";

export interface MetricsListener {
  /** Where Prometheus scrapes: http://host:port/metrics. */
  url: string;
  close(): Promise<void>;
}

export async function listenForScrapes(
  registry: Registry,
  { host, port }: { host: string; port: number },
  onError: (error: unknown) => void,
): Promise<MetricsListener> {
  const server = createServer((request, response) => {
    const path = (request.url ?? "").split("?")[0];
    if (request.method !== "GET" || path !== "/metrics") {
      response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not found\n");
      return;
    }
    registry.metrics().then(
      (text) => response.writeHead(200, { "content-type": registry.contentType }).end(text),
      (error: unknown) => {
        onError(error);
        response.writeHead(500, { "content-type": "text/plain; charset=utf-8" }).end("Metrics could not be collected\n");
      },
    );
  });
  await listen(server, host, port);
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://${urlHost(host)}:${bound}/metrics`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // A scraper keeps its connection alive between scrapes: close would wait for it.
        server.closeAllConnections();
      }),
  };
}

/** A failure names the variables to fix: the CLI's own messages speak of PORT and HOST. */
function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") reject(new Error(`METRICS_PORT ${port} is already in use on ${host}.`, { cause: error }));
      else if (error.code === "EACCES") reject(new Error(`METRICS_PORT ${port} needs privileges this process lacks.`, { cause: error }));
      else if (error.code === "EADDRNOTAVAIL")
        reject(new Error(`METRICS_HOST ${host} is not an address of this machine.`, { cause: error }));
      else reject(error);
    });
    server.listen(port, host, () => resolve());
  });
}

/** An address to reach a listener bound to `host` from this machine. */
function urlHost(host: string): string {
  if (host === "0.0.0.0") return "127.0.0.1";
  if (host === "::") return "[::1]";
  return host.includes(":") ? `[${host}]` : host;
}
