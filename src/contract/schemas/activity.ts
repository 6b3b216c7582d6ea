// Account activity (Security & Privacy): this account's audit log, newest first, paged.
import { z } from "zod";
import { text, timestamp } from "./common";

export const activityQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  /** `nextCursor` of the previous page; opaque (any other value is INVALID_CURSOR). */
  cursor: text().max(200).optional(),
});

export const publicActivityEvent = z.object({
  id: z.string(),
  /** e.g. signed_in, sign_in_failed, password_changed, phone_added, email_changed, password_reset. */
  type: z.string(),
  at: timestamp,
  ip: z.string().nullable(),
  /** The browser or app it came from, as the device list names it. */
  device: z.string().nullable(),
  /** Only what helps the owner recognise the event (a device name, how many devices, a method). */
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
});

export const activityResponse = z.object({
  events: z.array(publicActivityEvent),
  /** Null on the last page. */
  nextCursor: z.string().nullable(),
});
