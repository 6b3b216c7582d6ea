// Sensitive changes (second factors, backup codes, signing out devices) need a password or
// passkey proof within the re-authentication window (10 minutes by default), counted from the
// session's authenticated_at: a sign-in, or a re-authentication that replaced the session.
import type { CoreDeps } from "../deps";
import { type Failure, fail } from "../result";
import type { SessionRecord } from "./ports";

/** When this session's proof stops counting as recent. */
export function reauthenticatedUntil(deps: Pick<CoreDeps, "config">, session: SessionRecord): Date {
  return new Date(session.authenticatedAt.getTime() + deps.config.reauthWindowMs);
}

/** REAUTH_REQUIRED unless the session proved who it is within the window. */
export function requireRecentAuth(deps: Pick<CoreDeps, "config" | "clock">, session: SessionRecord): Failure<"REAUTH_REQUIRED"> | null {
  return reauthenticatedUntil(deps, session).getTime() > deps.clock.now().getTime() ? null : fail("REAUTH_REQUIRED");
}
