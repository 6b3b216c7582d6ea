// Recent streaming activity: what the account watched in the last 30 days, newest first, a
// page at a time (the cursor is the server's, opaque here).
import type { z } from "zod";
import type { streamingActivityResponse } from "../../../../contract/schemas/streams";
import { call } from "../../../lib/api-client";
import { usher } from "../../../lib/usher";

export type StreamingActivityPage = z.infer<typeof streamingActivityResponse>;
export type WatchedStream = StreamingActivityPage["streams"][number];

export const PAGE_SIZE = 20;

export const listStreamingActivity = (cursor?: string | null): Promise<StreamingActivityPage> =>
  call(() => usher.GET("/api/v1/streams/activity", { params: { query: { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) } } }));
