// Recent streaming activity: what the account watched in the last 30 days (title, profile,
// when, on which device), newest first, in pages, as big streaming services show it.
import type { z } from "zod";
import type { streamingActivityResponse } from "../../contract/schemas/streams";
import { findTitle } from "../catalogue/titles";
import type { CoreDeps } from "../deps";
import { decodeCursor, encodeCursor } from "../paging/cursor";
import { fail, ok, type Result } from "../result";
import type { SessionRecord } from "../sessions/ports";
import { liveSince } from "./streams";

type StreamingActivity = z.infer<typeof streamingActivityResponse>;

/** How far back Recent streaming activity reaches. */
export const STREAMING_ACTIVITY_DAYS = 30;

const STREAM_ID = /^[A-Za-z0-9_-]{22}$/;

export async function listStreamingActivity(
  deps: Pick<CoreDeps, "stores" | "clock" | "config">,
  session: SessionRecord,
  page: { limit: number; cursor?: string | undefined },
): Promise<Result<StreamingActivity, "INVALID_CURSOR">> {
  const before = page.cursor === undefined ? undefined : decodeCursor(page.cursor, STREAM_ID);
  if (before === null) return fail("INVALID_CURSOR");
  const since = new Date(deps.clock.now().getTime() - STREAMING_ACTIVITY_DAYS * 24 * 60 * 60 * 1000);
  // One more than asked: whether it exists says if there is a next page.
  const rows = await deps.stores.streams.listActivity(session.accountId, since, page.limit + 1, before);
  const shown = rows.slice(0, page.limit);
  const last = shown[shown.length - 1];
  const lapsedBy = liveSince(deps).getTime();
  return ok({
    streams: shown.map((row) => ({
      id: row.id,
      title: { id: row.titleId, name: findTitle(row.titleId)?.name ?? row.titleId },
      profileName: row.profileName,
      device: row.device,
      startedAt: row.startedAt.toISOString(),
      // A player that went quiet (closed, offline) never said goodbye: it watched until its last heartbeat.
      endedAt: (row.endedAt ?? (row.lastHeartbeatAt.getTime() <= lapsedBy ? row.lastHeartbeatAt : null))?.toISOString() ?? null,
    })),
    nextCursor: rows.length > page.limit && last ? encodeCursor(last.startedAt, last.id) : null,
  });
}
