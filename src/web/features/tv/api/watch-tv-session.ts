// The TV's event stream (GET /sessions/events, with its bearer token): it says when this TV
// has been signed out, from anywhere, and when one of its streams was ended by someone else.
import { type StreamEndedEvent, sessionEventNames, streamEndedEvent } from "../../../../contract/schemas/sessions";
import type { Caller } from "../../../lib/usher";

export interface TvSessionEvents {
  /** Called once when the session is revoked or expires (or is already gone); the watch then ends. */
  onSignedOut(): void;
  onStreamEnded(event: StreamEndedEvent): void;
}

/** How long to wait before reopening a stream that dropped without a sign-out (a restart, a proxy). */
const REOPEN_MS = 2_000;

/** One server-sent event: its name and its data, parsed when it is JSON. */
function parseEvent(block: string): { name: string; data: unknown } {
  let name = "message";
  const data: string[] = [];
  for (const line of block.split("\n")) {
    if (line.startsWith("event:")) name = line.slice(6).trim();
    else if (line.startsWith("data:")) data.push(line.slice(5).trimStart());
  }
  try {
    return { name, data: JSON.parse(data.join("\n")) };
  } catch {
    return { name, data: undefined };
  }
}

/**
 * Follows the TV's session events until `signal` aborts; a dropped stream is reopened.
 * EventSource cannot send a bearer token, so the stream is read with the typed client.
 */
export async function watchTvSession(tv: Caller, signal: AbortSignal, on: TvSessionEvents): Promise<void> {
  while (!signal.aborted) {
    try {
      const { data: stream, response } = await tv.client.GET("/api/v1/sessions/events", {
        parseAs: "stream",
        headers: { accept: "text/event-stream" },
        signal,
      });
      if (response.status === 401) return on.onSignedOut();
      if (!response.ok || !stream) throw new Error(`event stream answered ${response.status}`);
      const reader = stream.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        // Events end with a blank line; the last, unfinished one waits for more.
        const blocks = buffer.split("\n\n");
        buffer = blocks.pop() ?? "";
        for (const block of blocks) {
          const event = parseEvent(block);
          if (event.name === sessionEventNames.signedOut) return on.onSignedOut();
          if (event.name === sessionEventNames.streamEnded) {
            const ended = streamEndedEvent.safeParse(event.data);
            if (ended.success) on.onStreamEnded(ended.data);
          }
        }
      }
    } catch {
      if (signal.aborted) return;
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, REOPEN_MS);
      signal.addEventListener(
        "abort",
        () => {
          clearTimeout(timer);
          resolve();
        },
        { once: true },
      );
    });
  }
}
