// "Download your data": everything Usher keeps about an account, as one JSON document for its
// owner (or for support to hand over). No secret and no digest of one: no password hash, token
// digest, code, authenticator secret or passkey key.
import { findTitle } from "../catalogue/titles";
import type { Stores } from "../ports";
import type { AccountRecord } from "./ports";

/** Rows read per statement while collecting the activity and the streams. */
const PAGE = 500;

export async function collectAccountData(stores: Stores, account: AccountRecord, at: Date) {
  const [profiles, sessions, totp, passkeys, backupCodesLeft, activity, streams, messages] = await Promise.all([
    stores.profiles.listByAccount(account.id),
    stores.sessions.listForAccount(account.id),
    stores.totp.find(account.id),
    stores.passkeys.listByAccount(account.id),
    stores.backupCodes.countUnused(account.id),
    allActivity(stores, account.id),
    allStreams(stores, account.id),
    stores.outbox.listForAccount(account.id),
  ]);
  return {
    exportedAt: at.toISOString(),
    account: {
      id: account.id,
      email: account.email,
      emailVerifiedAt: iso(account.emailVerifiedAt),
      phone: account.phoneE164,
      phoneVerifiedAt: iso(account.phoneVerifiedAt),
      textMessages: account.smsOptIn,
      plan: account.plan,
      createdAt: account.createdAt.toISOString(),
      passwordChangedAt: account.passwordChangedAt.toISOString(),
      lockedAt: iso(account.lockedAt),
    },
    profiles: profiles.map((profile) => ({
      id: profile.id,
      name: profile.name,
      avatar: profile.avatar,
      kids: profile.isKids,
      locked: profile.pinHash !== null,
      maxRating: profile.maxRating,
      restrictedTitles: profile.restrictedTitles,
      createdAt: profile.createdAt.toISOString(),
    })),
    devices: sessions.map((session) => ({
      id: session.id,
      kind: session.deviceKind,
      name: session.deviceName,
      userAgent: session.userAgent,
      ipAddress: session.ip,
      signedInAt: session.createdAt.toISOString(),
      lastSeenAt: session.lastSeenAt.toISOString(),
      expiresAt: session.expiresAt.toISOString(),
      signedOutAt: iso(session.revokedAt),
      signedOutBecause: session.revokedReason,
    })),
    twoStepVerification: {
      authenticatorAppSince: iso(totp?.enabledAt ?? null),
      backupCodesLeft,
      passkeys: passkeys.map((passkey) => ({
        name: passkey.name,
        createdAt: passkey.createdAt.toISOString(),
        lastUsedAt: iso(passkey.lastUsedAt),
      })),
    },
    activity: activity.map((event) => ({
      type: event.type,
      at: event.at.toISOString(),
      ipAddress: event.ip,
      userAgent: event.userAgent,
      details: withoutSupportNotes(event.details),
    })),
    streams: streams.map((stream) => ({
      title: findTitle(stream.titleId)?.name ?? stream.titleId,
      profile: stream.profileName,
      device: stream.device.name,
      startedAt: stream.startedAt.toISOString(),
      endedAt: iso(stream.endedAt),
    })),
    messagesSent: messages.map((message) => ({
      channel: message.channel,
      // Blank once the retention period has passed: only the record that it was sent stays.
      to: message.recipient || null,
      kind: message.template,
      createdAt: message.createdAt.toISOString(),
      sentAt: iso(message.sentAt),
      failedAt: iso(message.failedAt),
    })),
  };
}

export type AccountData = Awaited<ReturnType<typeof collectAccountData>>;

/**
 * Who at support acted, and why they locked the account, are the team's notes, not the member's
 * data (an investigation may hang on them); that support acted stays.
 */
function withoutSupportNotes(details: Record<string, unknown>): Record<string, unknown> {
  if (details.by !== "support") return details;
  const { operator: _operator, reason: _reason, ...rest } = details;
  return rest;
}

const iso = (at: Date | null): string | null => at?.toISOString() ?? null;

/** Every row a paged, newest-first listing has, read a page at a time. */
async function allPages<T>(page: (before?: { at: Date; id: string }) => Promise<T[]>, cursorOf: (row: T) => { at: Date; id: string }) {
  const rows: T[] = [];
  let before: { at: Date; id: string } | undefined;
  for (;;) {
    const next = await page(before);
    rows.push(...next);
    const last = next[next.length - 1];
    if (next.length < PAGE || !last) return rows;
    before = cursorOf(last);
  }
}

const allActivity = (stores: Stores, accountId: string) =>
  allPages(
    (before) => stores.audit.listPage(accountId, PAGE, before),
    (event) => ({ at: event.at, id: event.id }),
  );

const allStreams = (stores: Stores, accountId: string) =>
  allPages(
    (before) => stores.streams.listActivity(accountId, new Date(0), PAGE, before),
    (stream) => ({ at: stream.startedAt, id: stream.id }),
  );
