// Exit Kids: the only way from a Kids profile to another one. A locked target asks for its own
// PIN, as choosing it always does. An unlocked one asks for the account password when any
// profile of the account is locked (a household that locks profiles means to keep children in
// theirs) or the account asks for it (Profile & Parental Controls); otherwise it opens at once.
import type { CoreDeps, RequestContext } from "../deps";
import { checkCurrentPassword } from "../passwords/check-current-password";
import { fail, ok, type Result } from "../result";
import type { SessionRecord } from "../sessions/ports";
import type { ProfileRecord } from "./ports";

export type ExitKidsFailure = "EXIT_KIDS_PASSWORD_REQUIRED" | "WRONG_PASSWORD" | "RATE_LIMITED" | "UNAUTHENTICATED";

/** Passes unless the device leaves a Kids profile for an unlocked one that needs the account password. */
export async function checkExitKids(
  deps: CoreDeps,
  session: SessionRecord,
  target: ProfileRecord,
  currentPassword: string | undefined,
  context: RequestContext,
): Promise<Result<void, ExitKidsFailure>> {
  if (!session.profileId || session.profileId === target.id || target.pinHash) return ok(undefined);
  const profiles = await deps.stores.profiles.listByAccount(session.accountId);
  const leaving = profiles.find((profile) => profile.id === session.profileId);
  if (!leaving?.isKids) return ok(undefined);
  const asked = profiles.some((profile) => profile.pinHash) || (await deps.stores.profiles.asksPasswordToExitKids(session.accountId));
  if (!asked) return ok(undefined);
  if (currentPassword === undefined) return fail("EXIT_KIDS_PASSWORD_REQUIRED");
  const checked = await checkCurrentPassword(deps, session.accountId, currentPassword, context);
  return checked.ok ? ok(undefined) : checked;
}
