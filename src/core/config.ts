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
    // ---- issue 5 ----
    /** Password (or passkey) re-authentication, like sign-in but per account. */
    reauthPerAccount: RateRule;
    /** Authenticator-app and backup codes, across every challenge and set-up of the account. */
    twoStepCodePerAccount: RateRule;
    /** Profile PINs: 5 wrong tries per profile, and a cap across the account's profiles. */
    pinPerProfile: RateRule;
    pinPerAccount: RateRule;
  };
  // ---- issue 5 ----
  /** Sensitive changes need a password or passkey proof this recent. */
  reauthWindowMs: number;
  /** The challenge between the password and the second step. */
  twoStep: { ttlMs: number; maxAttempts: number };
  /** WebAuthn ceremonies (adding a passkey, signing in with one). */
  webAuthn: { rpId: string; rpName: string; origin: string; ceremonyTtlMs: number };
}

export const defaultCoreConfig: CoreConfig = {
  sessions: {
    idleMs: { web: days(30), mobile: days(30), tv: days(90) },
    absoluteMs: days(365),
    touchIntervalMs: minutes(5),
  },
  phoneCodes: { ttlMs: minutes(10), maxAttempts: 5 },
  limits: {
    signInPerIp: { limit: 100, windowMs: minutes(15) },
    signInPerAccountAndIp: { limit: 10, windowMs: minutes(15) },
    signInPerAccount: { limit: 50, windowMs: minutes(15) },
    signInPerKnownDevice: { limit: 10, windowMs: minutes(15) },
    signUpPerIp: { limit: 20, windowMs: hours(1) },
    passwordCheckPerAccount: { limit: 10, windowMs: minutes(15) },
    phoneCodeSendPerAccount: { limit: 5, windowMs: hours(1) },
    phoneCodeCheckPerAccount: { limit: 10, windowMs: minutes(15) },
    reauthPerAccount: { limit: 10, windowMs: minutes(15) },
    twoStepCodePerAccount: { limit: 10, windowMs: minutes(15) },
    pinPerProfile: { limit: 5, windowMs: minutes(15) },
    pinPerAccount: { limit: 10, windowMs: minutes(15) },
  },
  reauthWindowMs: minutes(10),
  twoStep: { ttlMs: minutes(5), maxAttempts: 5 },
  webAuthn: { rpId: "localhost", rpName: "Usher", origin: "http://localhost:3000", ceremonyTtlMs: minutes(5) },
};
