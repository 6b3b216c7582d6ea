// What TV sign-in needs stored: device authorization flows (RFC 8628).

export type TvCodeStatus = "pending" | "approved" | "denied" | "redeemed";

/** One device authorization flow: a TV asking to be signed in, until it redeems or expires. */
export interface TvCodeRecord {
  id: string;
  /** SHA-256 (hex) of the device code the TV polls with; the code itself is never stored. */
  deviceCodeHash: string;
  /** Normalized: 8 letters, no dash. Shown on the TV, typed on the phone. */
  userCode: string;
  clientId: string;
  status: TvCodeStatus;
  expiresAt: Date;
  /** Seconds the TV must wait between polls; grows by 5 with every slow_down. */
  intervalSec: number;
  lastPolledAt: Date | null;
  /** The device asking: what it will be called in the device list, and where it asked from. */
  deviceName: string;
  userAgent: string | null;
  ip: string | null;
  createdAt: Date;
  /** Who approved or denied it, with which profile, and when. */
  accountId: string | null;
  profileId: string | null;
  decidedAt: Date | null;
  /** The session its redemption created. */
  sessionId: string | null;
}

export interface TvCodeDecision {
  status: "approved" | "denied";
  accountId: string;
  profileId: string | null;
  at: Date;
}

export interface TvCodeStore {
  /** Answers false when a pending flow already shows this user code (the caller draws another). */
  create(record: TvCodeRecord): Promise<boolean>;
  findByDeviceCodeHash(deviceCodeHash: string): Promise<TvCodeRecord | null>;
  /** The newest flow showing this user code. */
  findByUserCode(userCode: string): Promise<TvCodeRecord | null>;
  /**
   * Records a poll if nobody polled since `seenLastPolledAt` (what the caller read), setting
   * the interval; false when another poll got there first.
   */
  recordPoll(id: string, seenLastPolledAt: Date | null, at: Date, intervalSec: number): Promise<boolean>;
  /** Approves or denies a pending flow that has not expired at `decision.at`; true for exactly one caller. */
  decide(id: string, decision: TvCodeDecision): Promise<boolean>;
  /** One conditional update (`… WHERE status = 'approved'`): true for exactly one caller. */
  redeem(id: string, sessionId: string): Promise<boolean>;
}
