// The domain's tunables, with the defaults a streaming service would ship.
import type { DeviceKind } from "../contract/schemas/common";
import { DEVICE_CODE_GRANT } from "../contract/schemas/tv-sign-in";
import type { Plan } from "./accounts/ports";
import { days, hours, minutes } from "./clock";
import type { RateRule } from "./rate-limit/ports";
import type { ConfiguredServiceClient } from "./services/service-clients";

export interface CoreConfig {
  sessions: {
    /** A session unused this long ends (browsers and phones 30 days, TVs 90). */
    idleMs: Record<DeviceKind, number>;
    /** No session outlives this, however active. */
    absoluteMs: number;
    /** last_seen_at is written at most this often per session. */
    touchIntervalMs: number;
  };
  phoneCodes: { ttlMs: number; maxAttempts: number };
  /** Email verification and forgot-password. */
  recovery: {
    emailVerificationTtlMs: number;
    /** The link to a new address (change email). */
    emailChangeTtlMs: number;
    resetLinkTtlMs: number;
    resetCodeTtlMs: number;
    resetCodeMaxAttempts: number;
  };
  /** Sign-in codes: "Use a sign-in code", and a new device's sign-in once the account's guess budget is spent. */
  signInCodes: { ttlMs: number; maxAttempts: number };
  limits: {
    signInPerIp: RateRule;
    signInPerAccountAndIp: RateRule;
    /**
     * Password guesses across all IPs from devices the account doesn't know. Once spent, a new
     * device is not refused: it is asked for a code sent to the owner (see accounts/sign-in.ts).
     * A browser or app with a device credential for the account has its own budget instead.
     */
    signInPerAccount: RateRule;
    signInPerKnownDevice: RateRule;
    signUpPerIp: RateRule;
    /** Current-password checks on the account page (change password, phone). */
    passwordCheckPerAccount: RateRule;
    phoneCodeSendPerAccount: RateRule;
    phoneCodeCheckPerAccount: RateRule;
    // TV sign-in
    /** Starting device authorization flows, per IP. */
    tvAuthorizePerIp: RateRule;
    /** Token-endpoint requests (polls), per IP; the per-flow pace is slow_down's job. */
    tvTokenPerIp: RateRule;
    /** Looking up, approving or denying user codes on the /tv page: wrong codes are throttled. */
    tvCodeCheckPerAccount: RateRule;
    tvCodeCheckPerIp: RateRule;
    /** Password (or passkey) re-authentication, like sign-in but per account. */
    reauthPerAccount: RateRule;
    /** Authenticator-app and backup codes, across every challenge and set-up of the account. */
    twoStepCodePerAccount: RateRule;
    /** Profile PINs: 5 wrong tries per profile, and a cap across the account's profiles. */
    pinPerProfile: RateRule;
    pinPerAccount: RateRule;
    // Recovery and verification.
    emailVerificationSendPerAccount: RateRule;
    /** Checks of emailed links (verification, reset) from one IP. */
    linkCheckPerIp: RateRule;
    passwordResetRequestPerIp: RateRule;
    /** Asking for a sign-in code, per IP. Past it the answer is the same; nothing is sent. */
    signInCodeRequestPerIp: RateRule;
    /**
     * Codes and reset links actually sent, decided when the message goes out: a device the
     * account knows has its own budget; other requesters share one per network and one per
     * account, which bounds the mail a stranger can make the owner receive.
     */
    codeSendPerKnownDevice: RateRule;
    codeSendPerAccountAndNetwork: RateRule;
    codeSendPerAccount: RateRule;
    /** Sign-in and reset codes tried, per IP (each flow also allows only a few). */
    codeCheckPerIp: RateRule;
    /** Token introspection and revocation, per service client: a runaway service slows, others don't. */
    servicePerClient: RateRule;
    /** Token revocation by a phone or TV app (no secret to tell them apart), per IP. */
    appRevokePerIp: RateRule;
  };
  /** The platform's services that ask about sessions. */
  streams: {
    /** How often a player heartbeats; a stream two intervals quiet frees its screen. */
    heartbeatMs: number;
  };
  /** What each plan allows: screens watching at once (Basic 1, Standard 2, Premium 4). */
  plans: Record<Plan, { name: string; screens: number }>;
  services: {
    /** From configuration; the CLI adds more to the database. */
    clients: ConfiguredServiceClient[];
    /** How long a node trusts credentials that verified: removal and rotation take effect within it. */
    clientCacheMs: number;
  };
  /** TV sign-in: the device authorization grant's clients and pace. */
  tvSignIn: TvSignInConfig;
  /** Sensitive changes need a password or passkey proof this recent. */
  reauthWindowMs: number;
  /** The challenge between the password and the second step. */
  twoStep: { ttlMs: number; maxAttempts: number };
  /** WebAuthn ceremonies (adding a passkey, signing in with one). */
  webAuthn: { rpId: string; rpName: string; origin: string; ceremonyTtlMs: number };
  /** How long what has ended is kept; the retention purge deletes the rest (core/retention). */
  retention: RetentionConfig;
}

export interface RetentionConfig {
  /** Expired and revoked sessions, counted from their end (revoked, or else expired). */
  sessionsMs: number;
  /** Ended streams: Recent streaming activity. */
  streamsMs: number;
  /** Audit events, and the record that an email or text was sent. */
  auditMs: number;
  /** Sent and abandoned messages: whole webhook deliveries, the address and contents of emails and texts. */
  messagesMs: number;
  /** Rows per statement, so that no statement holds many row locks at once. */
  batchSize: number;
  /** Rows per kind in one purge, which is one transaction: a backlog is worked off over several. */
  maxRowsPerRun: number;
}

/** An app registered to use the OAuth endpoints (public clients: no secret). */
export interface OAuthClient {
  id: string;
  name: string;
  /** The kind of session its sign-ins create. */
  deviceKind: DeviceKind;
  /** Grant types it may use; the device-code grant is the only one Usher speaks. */
  grantTypes: string[];
}

export interface TvSignInConfig {
  clients: OAuthClient[];
  /** How long a code shown on the TV stays valid (15 minutes). */
  codeTtlMs: number;
  /** Seconds between polls (5); each slow_down adds `slowDownStepSec`. */
  intervalSec: number;
  slowDownStepSec: number;
}

export const defaultOAuthClients: OAuthClient[] = [
  { id: "usher-tv", name: "Usher for TV", deviceKind: "tv", grantTypes: [DEVICE_CODE_GRANT] },
  // The phone app signs in with a password; it is registered, but not for the device grant.
  { id: "usher-phone", name: "Usher for phones", deviceKind: "mobile", grantTypes: [] },
];

export const defaultCoreConfig: CoreConfig = {
  sessions: {
    idleMs: { web: days(30), mobile: days(30), tv: days(90) },
    absoluteMs: days(365),
    touchIntervalMs: minutes(5),
  },
  phoneCodes: { ttlMs: minutes(10), maxAttempts: 5 },
  recovery: {
    emailVerificationTtlMs: hours(24),
    emailChangeTtlMs: hours(24),
    resetLinkTtlMs: hours(1),
    resetCodeTtlMs: minutes(10),
    resetCodeMaxAttempts: 5,
  },
  signInCodes: { ttlMs: minutes(10), maxAttempts: 5 },
  limits: {
    signInPerIp: { limit: 100, windowMs: minutes(15) },
    signInPerAccountAndIp: { limit: 10, windowMs: minutes(15) },
    signInPerAccount: { limit: 50, windowMs: minutes(15) },
    signInPerKnownDevice: { limit: 10, windowMs: minutes(15) },
    signUpPerIp: { limit: 20, windowMs: hours(1) },
    passwordCheckPerAccount: { limit: 10, windowMs: minutes(15) },
    phoneCodeSendPerAccount: { limit: 5, windowMs: hours(1) },
    phoneCodeCheckPerAccount: { limit: 10, windowMs: minutes(15) },
    // TV sign-in: a flow polls ~180 times in its 15 minutes; a household NAT has several TVs.
    tvAuthorizePerIp: { limit: 60, windowMs: minutes(15) },
    tvTokenPerIp: { limit: 1_000, windowMs: minutes(15) },
    tvCodeCheckPerAccount: { limit: 10, windowMs: minutes(15) },
    tvCodeCheckPerIp: { limit: 30, windowMs: minutes(15) },
    reauthPerAccount: { limit: 10, windowMs: minutes(15) },
    twoStepCodePerAccount: { limit: 10, windowMs: minutes(15) },
    pinPerProfile: { limit: 5, windowMs: minutes(15) },
    pinPerAccount: { limit: 10, windowMs: minutes(15) },
    emailVerificationSendPerAccount: { limit: 5, windowMs: hours(1) },
    linkCheckPerIp: { limit: 30, windowMs: minutes(15) },
    passwordResetRequestPerIp: { limit: 20, windowMs: hours(1) },
    signInCodeRequestPerIp: { limit: 20, windowMs: minutes(15) },
    codeSendPerKnownDevice: { limit: 5, windowMs: minutes(15) },
    codeSendPerAccountAndNetwork: { limit: 3, windowMs: minutes(15) },
    codeSendPerAccount: { limit: 6, windowMs: minutes(15) },
    codeCheckPerIp: { limit: 30, windowMs: minutes(15) },
    // A playback service checks every request of every viewer: 6,000 a second per service.
    servicePerClient: { limit: 360_000, windowMs: minutes(1) },
    appRevokePerIp: { limit: 60, windowMs: minutes(15) },
  },
  streams: { heartbeatMs: 30_000 },
  plans: {
    basic: { name: "Basic", screens: 1 },
    standard: { name: "Standard", screens: 2 },
    premium: { name: "Premium", screens: 4 },
  },
  services: { clients: [], clientCacheMs: 10_000 },
  tvSignIn: { clients: defaultOAuthClients, codeTtlMs: minutes(15), intervalSec: 5, slowDownStepSec: 5 },
  reauthWindowMs: minutes(10),
  twoStep: { ttlMs: minutes(5), maxAttempts: 5 },
  webAuthn: { rpId: "localhost", rpName: "Usher", origin: "http://localhost:3000", ceremonyTtlMs: minutes(5) },
  retention: {
    sessionsMs: days(30),
    streamsMs: days(90),
    auditMs: days(400),
    messagesMs: days(7),
    batchSize: 1_000,
    maxRowsPerRun: 10_000,
  },
};
