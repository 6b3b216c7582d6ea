// Stop watching: the player frees its own screen when it is left. `keepalive` lets the request
// outlive the page, so closing the tab frees the screen too instead of after two missed heartbeats.
import { call } from "../../../lib/api-client";
import type { Caller } from "../../../lib/usher";

export const stopStream = async (streamId: string, as: Caller): Promise<void> => {
  await call(() => as.client.DELETE("/api/v1/streams/{id}", { params: { path: { id: streamId } }, keepalive: true }), as.options);
};
