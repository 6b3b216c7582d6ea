// Profile lock: a 4-digit PIN on a profile, asked for when the profile is chosen (5 wrong tries
// per profile, then a wait; a cap across the account too). "Require PIN to add new profiles"
// asks for the MAIN profile's PIN (the first in the picker, the account owner's, made at
// sign-up), so it can only be turned on while that profile is locked, and removing that PIN
// turns it off. Setting, changing or removing a lock, or that option, always takes the account
// password, whatever the re-authentication window: a browser where the password was typed a
// few minutes ago may already be in a child's hands.

import { auditEvent } from "../audit/events";
import { digestsEqual, hmacSha256Hex } from "../crypto/hashing";
import type { CoreDeps, RequestContext } from "../deps";
import { checkCurrentPassword } from "../passwords/check-current-password";
import { throttle } from "../rate-limit/throttle";
import { fail, ok, type Result } from "../result";
import type { SessionRecord } from "../sessions/ports";
import { inUnitOfWork } from "../unit-of-work";
import type { ProfileRecord } from "./ports";
import { profileChangeDetails } from "./profile-change";

/** Keyed, and salted with the profile id: 10,000 PINs are otherwise reversed at once. */
export const pinDigest = (key: Buffer, profileId: string, pin: string): string => hmacSha256Hex(key, `${profileId}:${pin}`);

/** The profile whose PIN guards adding profiles: the first in the picker. */
export function mainProfile(profiles: ProfileRecord[]): ProfileRecord | undefined {
  return [...profiles].sort((a, b) => a.position - b.position || a.createdAt.getTime() - b.createdAt.getTime())[0];
}

/** Checks a locked profile's PIN, throttled per profile and per account. Unlocked profiles pass. */
export async function checkProfilePin(
  deps: CoreDeps,
  session: SessionRecord,
  profile: ProfileRecord,
  pin: string | undefined,
  context: RequestContext,
  missing: "PROFILE_LOCKED" | "PIN_REQUIRED" = "PROFILE_LOCKED",
): Promise<Result<void, "PROFILE_LOCKED" | "PIN_REQUIRED" | "INVALID_PIN" | "RATE_LIMITED">> {
  if (!profile.pinHash) return ok(undefined);
  if (pin === undefined) return fail(missing);
  const limited = await throttle(deps.limiter, [
    [`profile-pin:profile:${profile.id}`, deps.config.limits.pinPerProfile],
    [`profile-pin:account:${profile.accountId}`, deps.config.limits.pinPerAccount],
  ]);
  if (!limited.ok) return limited;
  if (!digestsEqual(pinDigest(deps.keys.profilePins, profile.id, pin), profile.pinHash)) {
    await deps.stores.audit.record(
      auditEvent("profile_pin_failed", { accountId: profile.accountId, sessionId: session.id }, context, deps.clock.now(), {
        profileId: profile.id,
        profileName: profile.name,
      }),
    );
    return fail("INVALID_PIN");
  }
  await limited.succeeded();
  return ok(undefined);
}

type PasswordFailure = "WRONG_PASSWORD" | "RATE_LIMITED" | "UNAUTHENTICATED";

/** Sets or changes (`pin`) or removes (null) a profile's lock, given the account password. */
export async function setProfilePin(
  deps: CoreDeps,
  session: SessionRecord,
  profileId: string,
  change: { pin: string | null; currentPassword: string },
  context: RequestContext,
): Promise<Result<ProfileRecord, PasswordFailure | "PROFILE_NOT_FOUND">> {
  const checked = await checkCurrentPassword(deps, session.accountId, change.currentPassword, context);
  if (!checked.ok) return checked;
  const { pin } = change;
  return inUnitOfWork(deps, async (stores) => {
    await stores.accounts.lockForUpdate(session.accountId);
    const profiles = await stores.profiles.listByAccount(session.accountId);
    const profile = profiles.find((p) => p.id === profileId);
    if (!profile) return fail("PROFILE_NOT_FOUND");
    const pinHash = pin === null ? null : pinDigest(deps.keys.profilePins, profile.id, pin);
    await stores.profiles.setPin(session.accountId, profileId, pinHash);
    // Without the main profile's PIN there is nothing to ask for when adding profiles.
    if (pin === null && mainProfile(profiles)?.id === profileId) await stores.profiles.setRequirePinToAdd(session.accountId, false);
    const type = pin === null ? "profile_pin_removed" : profile.pinHash ? "profile_pin_changed" : "profile_pin_set";
    await stores.audit.record(
      auditEvent(
        type,
        { accountId: session.accountId, sessionId: session.id },
        context,
        deps.clock.now(),
        profileChangeDetails(profiles, session, profile),
      ),
    );
    return ok({ ...profile, pinHash });
  });
}

/** Turns "Require PIN to add new profiles" on or off, given the account password. */
export async function setRequirePinToAddProfiles(
  deps: CoreDeps,
  session: SessionRecord,
  change: { required: boolean; currentPassword: string },
  context: RequestContext,
): Promise<Result<boolean, PasswordFailure | "MAIN_PROFILE_NOT_LOCKED">> {
  const checked = await checkCurrentPassword(deps, session.accountId, change.currentPassword, context);
  if (!checked.ok) return checked;
  const { required } = change;
  return inUnitOfWork(deps, async (stores) => {
    await stores.accounts.lockForUpdate(session.accountId);
    const profiles = await stores.profiles.listByAccount(session.accountId);
    if (required && !mainProfile(profiles)?.pinHash) return fail("MAIN_PROFILE_NOT_LOCKED");
    await stores.profiles.setRequirePinToAdd(session.accountId, required);
    await stores.audit.record(
      auditEvent("profile_lock_setting_changed", { accountId: session.accountId, sessionId: session.id }, context, deps.clock.now(), {
        requirePinToAddProfiles: required,
        ...profileChangeDetails(profiles, session),
      }),
    );
    return ok(required);
  });
}
