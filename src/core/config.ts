// The domain's tunables, with the defaults a streaming service would ship.
import type { DeviceKind } from "../contract/schemas/common";
import { days, minutes, hours } from "./clock";
import type { RateRule } from "./ports";

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
  /** Issue 6: email verification and forgot-password. */
  recovery: {
    emailVerificationTtlMs: number;
    /** The link to a new address (change email). */
    emailChangeTtlMs: number;
    resetLinkTtlMs: number;
    resetCodeTtlMs: number;
    resetCodeMaxAttempts: number;
  };
  limits: {
    signInPerIp: RateRule;
    signInPerAccountAndIp: RateRule;
    /** Across all IPs; a browser with a device cookie for the account is exempt (see device-cookie.ts). */
    signInPerAccount: RateRule;
    signInPerKnownDevice: RateRule;
    signUpPerIp: RateRule;
    /** Current-password checks on the account page (change password, phone). */
    passwordCheckPerAccount: RateRule;
    phoneCodeSendPerAccount: RateRule;
    phoneCodeCheckPerAccount: RateRule;
    // Issue 6: recovery and verification.
    emailVerificationSendPerAccount: RateRule;
    /** Checks of emailed links (verification, reset) from one IP. */
    linkCheckPerIp: RateRule;
    passwordResetRequestPerIp: RateRule;
    /** Per email address asked for, whether or not it has an account. */
    passwordResetRequestPerEmail: RateRule;
    passwordResetCodeCheckPerIp: RateRule;
    passwordResetCodeCheckPerEmail: RateRule;
  };
}

export const defaultCoreConfig: CoreConfig = {
  sessions: {
    idleMs: { web: days(30), mobile: days(30), tv: days(90) },
    absoluteMs: days(365),
    touchIntervalMs: minutes(5),
  },
  phoneCodes: { ttlMs: minutes(10), maxAttempts: 5 },
  recovery: { emailVerificationTtlMs: hours(24), emailChangeTtlMs: hours(24), resetLinkTtlMs: hours(1), resetCodeTtlMs: minutes(10), resetCodeMaxAttempts: 5 },
  limits: {
    signInPerIp: { limit: 100, windowMs: minutes(15) },
    signInPerAccountAndIp: { limit: 10, windowMs: minutes(15) },
    signInPerAccount: { limit: 50, windowMs: minutes(15) },
    signInPerKnownDevice: { limit: 10, windowMs: minutes(15) },
    signUpPerIp: { limit: 20, windowMs: hours(1) },
    passwordCheckPerAccount: { limit: 10, windowMs: minutes(15) },
    phoneCodeSendPerAccount: { limit: 5, windowMs: hours(1) },
    phoneCodeCheckPerAccount: { limit: 10, windowMs: minutes(15) },
    emailVerificationSendPerAccount: { limit: 5, windowMs: hours(1) },
    linkCheckPerIp: { limit: 30, windowMs: minutes(15) },
    passwordResetRequestPerIp: { limit: 20, windowMs: hours(1) },
    passwordResetRequestPerEmail: { limit: 5, windowMs: hours(1) },
    passwordResetCodeCheckPerIp: { limit: 30, windowMs: minutes(15) },
    passwordResetCodeCheckPerEmail: { limit: 10, windowMs: minutes(15) },
  },
};
