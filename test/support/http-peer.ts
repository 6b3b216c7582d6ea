// A local HTTP peer on 127.0.0.1 standing in for an SMS provider: it keeps every request it
// gets and answers with whatever the test sets.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface PeerRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface HttpPeer {
  /** http://127.0.0.1:port */
  url: string;
  requests: PeerRequest[];
  answer: { status: number; body: string };
  close(): Promise<void>;
}

export async function startHttpPeer(): Promise<HttpPeer> {
  const server = createServer(async (request, response) => {
    let body = "";
    for await (const chunk of request) body += chunk;
    peer.requests.push({ method: request.method ?? "", path: request.url ?? "", headers: request.headers, body });
    response.writeHead(peer.answer.status, { "content-type": "application/json" }).end(peer.answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const peer: HttpPeer = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: [],
    answer: { status: 200, body: "{}" },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return peer;
}
