// Account activity: the account's own audit log, newest first, in pages. The cursor is the
// last event's (time, id), opaque to clients; details are reduced to what the owner needs to
// recognise an event, never keys, hashes or whole addresses.
import type { z } from "zod";
import type { publicActivityEvent } from "../../contract/schemas/activity";
import type { CoreDeps } from "../deps";
import type { AuditEventRecord, SessionRecord } from "../ports";
import { fail, ok, type Result } from "../result";
import { describeDevice } from "../sessions/device";

type PublicActivityEvent = z.infer<typeof publicActivityEvent>;

const SHOWN_DETAILS = ["deviceName", "signedOutDevices", "requireAllDevicesToSignIn", "method", "from", "to"] as const;

export function toPublicActivityEvent(event: AuditEventRecord): PublicActivityEvent {
  const details: PublicActivityEvent["details"] = {};
  for (const key of SHOWN_DETAILS) {
    const value = event.details[key];
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") details[key] = value;
  }
  return {
    id: event.id,
    type: event.type,
    at: event.at.toISOString(),
    ip: event.ip,
    device: event.userAgent ? describeDevice(event.userAgent).name : null,
    details,
  };
}

const encodeCursor = (event: AuditEventRecord): string => Buffer.from(`${event.at.toISOString()}|${event.id}`).toString("base64url");

function decodeCursor(cursor: string): { at: Date; id: string } | null {
  const [at, id, extra] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const date = new Date(at ?? "");
  if (extra !== undefined || !id || !/^[0-9a-f-]{36}$/.test(id) || Number.isNaN(date.getTime())) return null;
  return { at: date, id };
}

export async function listAccountActivity(
  deps: Pick<CoreDeps, "stores">,
  session: SessionRecord,
  page: { limit: number; cursor?: string | undefined },
): Promise<Result<{ events: PublicActivityEvent[]; nextCursor: string | null }, "INVALID_CURSOR">> {
  const before = page.cursor === undefined ? undefined : decodeCursor(page.cursor);
  if (before === null) return fail("INVALID_CURSOR");
  // One more than asked: whether it exists says if there is a next page.
  const rows = await deps.stores.audit.listPage(session.accountId, page.limit + 1, before);
  const shown = rows.slice(0, page.limit);
  const last = shown[shown.length - 1];
  return ok({ events: shown.map(toPublicActivityEvent), nextCursor: rows.length > page.limit && last ? encodeCursor(last) : null });
}
