// A stand-in for Usher with just what a session verifier asks of it, for the verifier-memory
// probe (bench/verifier-memory.ts), in a process of its own so that its work and memory stay out
// of the verifier's process: introspection (POST /oauth/introspect) answers every token as a
// live session of an account of its own, except tokens starting "warm-", which are not live;
// the session-change subscription (GET /oauth/session-changes, WebSocket, src/verifier/protocol.ts)
// says hello (answers kept 5 minutes, renewals every second) and grants every renewal a 4 s lease.
// GET /introspections answers how many introspections it has answered.
//
//   PORT=… node --import tsx bench/support/fake-usher.ts
import { randomBytes, randomUUID } from "node:crypto";
import { createServer } from "node:http";
import { WebSocketServer } from "ws";

let introspections = 0;
let hellos = 0;

const server = createServer((request, response) => {
  if (request.method === "GET" && request.url === "/introspections") {
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ introspections, hellos }));
    return;
  }
  if (request.method !== "POST" || request.url !== "/oauth/introspect") {
    response.writeHead(404).end();
    return;
  }
  let body = "";
  request.setEncoding("utf8");
  request.on("data", (chunk: string) => {
    body += chunk;
  });
  request.on("end", () => {
    introspections++;
    const token = new URLSearchParams(body).get("token") ?? "";
    const now = Math.floor(Date.now() / 1000);
    const answer = token.startsWith("warm-")
      ? { active: false }
      : {
          active: true,
          sub: randomUUID(),
          sid: randomBytes(16).toString("base64url"),
          exp: now + 30 * 86_400,
          iat: now,
          auth_time: now,
          token_type: "Bearer",
          aal: 1,
          plan: "standard",
          device: { kind: "mobile", name: "Phone" },
          profile: { id: randomUUID(), name: "Jo", kids: false, max_rating: "18+", restricted_titles: [] },
        };
    const text = JSON.stringify(answer);
    response.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(text) }).end(text);
  });
});

const subscriptions = new WebSocketServer({ server, path: "/oauth/session-changes" });
subscriptions.on("connection", (socket) => {
  hellos++;
  socket.send(JSON.stringify({ type: "hello", entryMs: 300_000, renewMs: 1_000 }));
  socket.on("message", (data) => {
    const message = JSON.parse(String(data)) as { type: string; id?: number };
    if (message.type === "renew") socket.send(JSON.stringify({ type: "lease", id: message.id, ms: 4_000, epoch: "bench" }));
  });
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    subscriptions.close();
    server.closeAllConnections();
    server.close();
  });
}
server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => console.log("fake usher ready"));
