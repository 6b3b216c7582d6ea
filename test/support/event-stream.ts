// A server-sent-events client for tests: opens a stream over a real socket of its own (no
// connection pool, so closing it leaves nothing behind) and hands out its events one by one,
// counting the keep-alive comments it skips.
import { request } from "node:http";
export interface StreamEvent {
  event: string;
  data: string;
}

export interface OpenEventStream {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Keep-alive comments received so far. */
  comments: number;
  /** Every reconnection delay (`retry:`, in ms) the server has sent, in order. */
  retries: number[];
  /** The next event, or null when the stream ended first; rejects after `timeoutMs`. */
  next(timeoutMs?: number): Promise<StreamEvent | null>;
  /** Resolves true if the stream stays silent (no event, no end) for `ms`. */
  staysQuiet(ms: number): Promise<boolean>;
  close(): void;
}

export async function openEventStream(url: string, headers: Record<string, string>): Promise<OpenEventStream> {
  const response = await new Promise<import("node:http").IncomingMessage>((resolve, reject) => {
    request(url, { headers: { accept: "text/event-stream", ...headers }, agent: false }, resolve)
      .on("error", reject)
      .end();
  });
  const queue: (StreamEvent | null)[] = [];
  const waiters: ((event: StreamEvent | null) => void)[] = [];
  const push = (item: StreamEvent | null) => {
    const waiter = waiters.shift();
    if (waiter) waiter(item);
    else queue.push(item);
  };
  const stream: OpenEventStream = {
    status: response.statusCode ?? 0,
    headers: response.headers,
    comments: 0,
    retries: [],
    next(timeoutMs = 2_000) {
      if (queue.length > 0) return Promise.resolve(queue.shift()!);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(new Error(`no event within ${timeoutMs} ms`));
        }, timeoutMs);
        const waiter = (event: StreamEvent | null) => {
          clearTimeout(timer);
          resolve(event);
        };
        waiters.push(waiter);
      });
    },
    async staysQuiet(ms) {
      try {
        await stream.next(ms);
        return false;
      } catch {
        return true;
      }
    },
    close: () => response.destroy(),
  };
  response.setEncoding("utf8");
  void (async () => {
    let buffer = "";
    try {
      for await (const value of response) {
        buffer += value as string;
        for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event: StreamEvent = { event: "message", data: "" };
          let isEvent = false;
          for (const line of block.split("\n")) {
            if (line.startsWith(":")) stream.comments += 1;
            else if (line.startsWith("retry: ")) stream.retries.push(Number(line.slice(7)));
            else if (line.startsWith("event: ")) [event.event, isEvent] = [line.slice(7), true];
            else if (line.startsWith("data: ")) [event.data, isEvent] = [line.slice(6), true];
          }
          if (isEvent) push(event);
        }
      }
    } catch {
      // Aborted by close(), or the connection broke: either way the stream is over.
    }
    push(null);
  })();
  return stream;
}
