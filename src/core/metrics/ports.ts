// What the domain tells the operator's metrics (Prometheus, in src/adapters/metrics): how
// sign-ins end, which limits refuse, and why sessions end. Counting never changes an answer:
// every method returns nothing and must not throw.
import type { RevokedReason } from "../sessions/ports";

/** How the person proves who they are in the attempt counted. */
export type SignInMethod = "password" | "sign_in_code" | "two_step" | "passkey";

export interface SecurityMetrics {
  /**
   * A sign-in attempt was answered: "success", "two_step_required", "sign_in_code_required",
   * "throttled", or the refusal's error code in lower case ("invalid_credentials").
   */
  signInAnswered(method: SignInMethod, outcome: string): void;
  /** A limit refused an attempt; `limit` is its name in CoreConfig.limits, never its key (which holds an address or an account). */
  throttled(limit: string): void;
  /** A committed change ended `count` sessions. */
  sessionsEnded(reason: RevokedReason, count: number): void;
}

export const noMetrics: SecurityMetrics = {
  signInAnswered() {},
  throttled() {},
  sessionsEnded() {},
};

/** Deps built without metrics (most tests, the CLI) count nothing. */
export const metricsOf = (deps: { metrics?: SecurityMetrics | undefined }): SecurityMetrics => deps.metrics ?? noMetrics;
