// Account activity: the account's own audit log, newest first, in pages (paging/cursor).
// Details are reduced to what the owner needs to recognise an event, never keys, hashes or
// whole addresses.
import type { z } from "zod";
import type { publicActivityEvent } from "../../contract/schemas/activity";
import type { CoreDeps } from "../deps";
import { describeDevice } from "../devices/device";
import { decodeCursor, encodeCursor } from "../paging/cursor";
import { fail, ok, type Result } from "../result";
import type { SessionRecord } from "../sessions/ports";
import type { AuditEventRecord } from "./ports";

type PublicActivityEvent = z.infer<typeof publicActivityEvent>;

const SHOWN_DETAILS = [
  "deviceName",
  "signedOutDevices",
  "requireAllDevicesToSignIn",
  "method",
  "from",
  "to",
  // Profile changes: to which profile, by which, what changed.
  "profileName",
  "actingProfileName",
  "changed",
  "requirePinToAddProfiles",
  // Parental controls: the rating from and to, the titles blocked and unblocked (names, joined).
  "ratingFrom",
  "ratingTo",
  "blocked",
  "unblocked",
  "askPasswordToExitKids",
  // Watching: which title, and on which device it was stopped.
  "titleName",
  "stoppedOn",
  // Which passkey; which phone number, masked as the account page shows it.
  "passkeyName",
  "maskedPhone",
  // "support" when Usher support did it (the operator's name stays in the audit log).
  "by",
] as const;

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

const EVENT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export async function listAccountActivity(
  deps: Pick<CoreDeps, "stores">,
  session: SessionRecord,
  page: { limit: number; cursor?: string | undefined },
): Promise<Result<{ events: PublicActivityEvent[]; nextCursor: string | null }, "INVALID_CURSOR">> {
  const before = page.cursor === undefined ? undefined : decodeCursor(page.cursor, EVENT_ID);
  if (before === null) return fail("INVALID_CURSOR");
  // One more than asked: whether it exists says if there is a next page.
  const rows = await deps.stores.audit.listPage(session.accountId, page.limit + 1, before);
  const shown = rows.slice(0, page.limit);
  const last = shown[shown.length - 1];
  return ok({
    events: shown.map(toPublicActivityEvent),
    nextCursor: rows.length > page.limit && last ? encodeCursor(last.at, last.id) : null,
  });
}
