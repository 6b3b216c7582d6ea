// Streams: the screens an account is watching on. A stream is live while it is not ended, its
// session is live, and its last heartbeat is recent; the plan fixes how many may be live at once.
import type { DeviceKind } from "../../contract/schemas/common";
import type { Plan } from "../accounts/ports";

/** `restricted`: the profile's parental controls now keep the title out. */
export type StreamEndReason = "signed_out" | "stopped_from_another_device" | "stopped" | "expired" | "restricted";

export interface StreamRecord {
  id: string;
  accountId: string;
  sessionId: string;
  profileId: string | null;
  titleId: string;
  startedAt: Date;
  lastHeartbeatAt: Date;
  endedAt: Date | null;
  endedReason: StreamEndReason | null;
}

/** Where an account is watching: what the limit page and the device list show. */
export interface WatchingNow {
  streamId: string;
  sessionId: string;
  device: { kind: string; name: string };
  profileName: string | null;
  titleId: string;
  since: Date;
}

/** One line of Recent streaming activity. */
export interface StreamActivity {
  id: string;
  titleId: string;
  profileName: string | null;
  device: { kind: DeviceKind; name: string };
  startedAt: Date;
  lastHeartbeatAt: Date;
  endedAt: Date | null;
}

/** A device's stream that ended: what its open screens are told. */
export interface EndedStream {
  id: string;
  titleId: string;
  endedAt: Date;
  reason: StreamEndReason;
}

export interface StreamStore {
  /** Locks the account row until the transaction ends, and answers its plan: starts take turns. */
  lockAccountForStreams(accountId: string): Promise<Plan | null>;
  /** The account's live streams: not ended, on a live session, heartbeating since `liveSince`. */
  listLive(accountId: string, liveSince: Date): Promise<WatchingNow[]>;
  create(stream: StreamRecord): Promise<void>;
  /** The account's stream with this id (another account's answers null, like a missing one). */
  find(accountId: string, id: string): Promise<StreamRecord | null>;
  /**
   * Keeps this session's stream if it is still running and heartbeating since `liveSince`, in
   * one statement; false when it is not (missing, another device's, ended or lapsed).
   */
  heartbeat(sessionId: string, id: string, at: Date, liveSince: Date): Promise<boolean>;
  /** Ends a stream still running; false when it had already ended. */
  end(id: string, at: Date, reason: StreamEndReason): Promise<boolean>;
  /** Moves a session's running streams to the session that replaced it on the same device. */
  moveToSession(fromSessionId: string, toSessionId: string): Promise<void>;
  /**
   * The account's streams started since `since`, newest first, before the (time, id) `before`
   * names; only one profile's when `profileId` is given.
   */
  listActivity(
    accountId: string,
    since: Date,
    limit: number,
    before?: { at: Date; id: string },
    profileId?: string,
  ): Promise<StreamActivity[]>;
  /** The session's streams that ended at `since` or later, oldest first. */
  endedSince(sessionId: string, since: Date): Promise<EndedStream[]>;
  /** Ends the running streams of these accounts' revoked sessions: signed out. */
  endSignedOut(accountIds: readonly string[], at: Date): Promise<void>;
}
