// Account → Download your data, and Account → Delete account.
import { z } from "zod";
import { maturityRatings } from "./catalogue";
import { deviceKind, timestamp } from "./common";

const at = timestamp.nullable();

/** Everything Usher keeps about the account, as its owner downloads it: no secret and no digest of one. */
export const accountDataResponse = z.object({
  exportedAt: timestamp,
  account: z.object({
    id: z.string(),
    email: z.string(),
    emailVerifiedAt: at,
    phone: z.string().nullable(),
    phoneVerifiedAt: at,
    textMessages: z.boolean(),
    plan: z.string(),
    createdAt: timestamp,
    passwordChangedAt: timestamp,
    lockedAt: at,
  }),
  profiles: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      avatar: z.string(),
      kids: z.boolean(),
      locked: z.boolean(),
      maxRating: z.enum(maturityRatings),
      /** Title ids blocked on the profile. */
      restrictedTitles: z.array(z.string()),
      createdAt: timestamp,
    }),
  ),
  /** Every device on record, signed in or out. */
  devices: z.array(
    z.object({
      id: z.string(),
      kind: deviceKind,
      name: z.string(),
      userAgent: z.string().nullable(),
      ipAddress: z.string().nullable(),
      signedInAt: timestamp,
      lastSeenAt: timestamp,
      expiresAt: timestamp,
      signedOutAt: at,
      signedOutBecause: z.string().nullable(),
    }),
  ),
  twoStepVerification: z.object({
    authenticatorAppSince: at,
    backupCodesLeft: z.number().int(),
    passkeys: z.array(z.object({ name: z.string(), createdAt: timestamp, lastUsedAt: at })),
  }),
  /** The account's security log, newest first. */
  activity: z.array(
    z.object({
      type: z.string(),
      at: timestamp,
      ipAddress: z.string().nullable(),
      userAgent: z.string().nullable(),
      details: z.record(z.string(), z.unknown()),
    }),
  ),
  /** What was watched, newest first. */
  streams: z.array(z.object({ title: z.string(), profile: z.string().nullable(), device: z.string(), startedAt: timestamp, endedAt: at })),
  /** Emails and texts Usher sent about the account; the address is blank once the retention period has passed. */
  messagesSent: z.array(
    z.object({ channel: z.string(), to: z.string().nullable(), kind: z.string(), createdAt: timestamp, sentAt: at, failedAt: at }),
  ),
});
export type AccountDataResponse = z.infer<typeof accountDataResponse>;

export const deleteAccountResponse = z.object({
  deleted: z.literal(true),
  /** Devices signed out by the deletion, this one included. */
  signedOutDevices: z.number().int(),
});
