// Account activity: this account's audit log, newest first, a page at a time (the cursor is
// the server's, opaque here).
import type { z } from "zod";
import type { activityResponse, publicActivityEvent } from "../../../../contract/schemas/activity";
import { call } from "../../../lib/api-client";
import { usher } from "../../../lib/usher";

export type ActivityEvent = z.infer<typeof publicActivityEvent>;
export type ActivityPage = z.infer<typeof activityResponse>;

export const PAGE_SIZE = 20;

export const listActivity = (cursor?: string | null): Promise<ActivityPage> =>
  call(() => usher.GET("/api/v1/account/activity", { params: { query: { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) } } }));
