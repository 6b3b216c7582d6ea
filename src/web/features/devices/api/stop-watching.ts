// Stop watching: ends what a device is playing without signing it out. Its player learns it at
// its next heartbeat (or at once, through its live events) and the screen is free again.
import { ApiError, call } from "../../../lib/api-client";
import { usher } from "../../../lib/usher";

/** Resolves once the stream has ended, also when it had ended already (the list was older than the stream). */
export async function stopWatching(streamId: string): Promise<void> {
  try {
    await call(() => usher.DELETE("/api/v1/streams/{id}", { params: { path: { id: streamId } } }));
  } catch (failure) {
    if (failure instanceof ApiError && failure.code === "STREAM_NOT_FOUND") return;
    throw failure;
  }
}
