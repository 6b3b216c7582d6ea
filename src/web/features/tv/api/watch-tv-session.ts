// The TV's event stream (GET /sessions/events, with its bearer token): it says when this TV
// has been signed out, from anywhere.
import { sessionEventNames } from "../../../../contract/schemas/sessions";
import type { Caller } from "../../../lib/usher";

/**
 * Follows the TV's session events until `signal` aborts. Calls `onSignedOut` once when the
 * session is revoked or expires (or is already gone); a dropped stream is reopened.
 * EventSource cannot send a bearer token, so the stream is read with the typed client.
 */
export async function watchTvSession(tv: Caller, signal: AbortSignal, onSignedOut: () => void): Promise<void> {
  while (!signal.aborted) {
    try {
      const { data: stream, response } = await tv.client.GET("/api/v1/sessions/events", {
        parseAs: "stream",
        headers: { accept: "text/event-stream" },
        signal,
      });
      if (response.status === 401) return onSignedOut();
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
        if (blocks.some((block) => block.split("\n").includes(`event: ${sessionEventNames.signedOut}`))) return onSignedOut();
      }
    } catch {
      if (signal.aborted) return;
    }
    // The stream ended without a sign-out (a restart, a proxy): wait a moment and reopen it.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
}
