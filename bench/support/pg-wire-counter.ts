// A counting relay between an Usher node and PostgreSQL, in a process of its own: it passes every
// byte on unchanged and counts, on the wire, the statements the node runs (each simple Query and
// each extended-protocol Execute is one) and the transactions it ends (each ReadyForQuery that
// reports the connection idle, less the first one of every connection, which only says it is
// ready). PostgreSQL keeps no per-statement count without pg_stat_statements preloaded, and its
// per-database counters reach pg_stat_database only seconds after the work. Unencrypted
// connections only (the bench's database URLs ask for no TLS).
// GET /counts on COUNTS_PORT answers { statements, transactions, connections } so far.
//
//   LISTEN_PORT=… COUNTS_PORT=… TARGET_HOST=127.0.0.1 TARGET_PORT=5432 node --import tsx bench/support/pg-wire-counter.ts
import { createServer as createHttpServer } from "node:http";
import { connect, createServer, type Socket } from "node:net";

const LISTEN_PORT = Number(process.env.LISTEN_PORT);
const COUNTS_PORT = Number(process.env.COUNTS_PORT);
const TARGET_HOST = process.env.TARGET_HOST ?? "127.0.0.1";
const TARGET_PORT = Number(process.env.TARGET_PORT ?? 5432);
/** The startup codes of an SSLRequest and a GSSENCRequest: what follows them is not readable here. */
const ENCRYPTION_REQUESTS = new Set([80_877_103, 80_877_104]);

const counts = { statements: 0, transactions: 0, connections: 0 };

/**
 * Reads the message frames of one direction of a connection as chunks arrive: a type byte and a
 * 4-byte length (the frontend's first message has no type byte), then the body, which is
 * skipped except its first byte. Calls `onMessage` once per message with its type and first body byte.
 */
function frameReader(startup: boolean, onMessage: (type: number, first: number | undefined) => void): (chunk: Buffer) => void {
  let header = Buffer.alloc(0);
  let left = 0;
  let type = 0;
  let awaitingFirst = false;
  let inStartup = startup;
  return (chunk) => {
    let at = 0;
    while (at < chunk.length) {
      if (left > 0) {
        if (awaitingFirst) {
          awaitingFirst = false;
          onMessage(type, chunk[at]);
        }
        const skipped = Math.min(left, chunk.length - at);
        left -= skipped;
        at += skipped;
        continue;
      }
      const size = inStartup ? 8 : 5;
      const taken = Math.min(size - header.length, chunk.length - at);
      header = Buffer.concat([header, chunk.subarray(at, at + taken)]);
      at += taken;
      if (header.length < size) return;
      if (inStartup) {
        if (ENCRYPTION_REQUESTS.has(header.readInt32BE(4))) throw new Error("the counting relay reads unencrypted connections only");
        type = 0;
        left = header.readInt32BE(0) - 8;
        inStartup = false;
      } else {
        type = header[0]!;
        left = header.readInt32BE(1) - 4;
      }
      header = Buffer.alloc(0);
      if (left === 0) onMessage(type, undefined);
      else awaitingFirst = true;
    }
  };
}

const Q = "Q".charCodeAt(0);
const E = "E".charCodeAt(0);
const Z = "Z".charCodeAt(0);
const IDLE = "I".charCodeAt(0);

function relay(client: Socket): void {
  counts.connections++;
  const server = connect(TARGET_PORT, TARGET_HOST);
  let ready = false;
  const fromClient = frameReader(true, (type) => {
    if (type === Q || type === E) counts.statements++;
  });
  const fromServer = frameReader(false, (type, first) => {
    if (type !== Z) return;
    if (!ready) ready = true;
    else if (first === IDLE) counts.transactions++;
  });
  client.on("data", fromClient);
  server.on("data", fromServer);
  client.pipe(server);
  server.pipe(client);
  const end = () => {
    client.destroy();
    server.destroy();
  };
  client.on("error", end).on("close", end);
  server.on("error", end).on("close", end);
}

createServer(relay).listen(LISTEN_PORT, "127.0.0.1", () => {
  createHttpServer((request, response) => {
    if (request.method === "GET" && request.url === "/counts") {
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(counts));
    } else response.writeHead(404).end();
  }).listen(COUNTS_PORT, "127.0.0.1", () => console.log("pg wire counter ready"));
});
