// "Who's watching?": list, add, edit, delete and choose profiles. At most 5 per account,
// names unique within the account, and never fewer than one.
import { type AvatarId, avatarIds } from "../../contract/avatars";
import { defaultLanguage } from "../../contract/languages";
import { maxProfilesPerAccount } from "../../contract/schemas/profiles";
import { auditEvent } from "../audit/events";
import { allowedRating, defaultMaxRating } from "../catalogue/may-watch";
import type { CoreDeps, RequestContext } from "../deps";
import { fail, ok, type Result } from "../result";
import type { SessionRecord } from "../sessions/ports";
import { inUnitOfWork } from "../unit-of-work";
import { checkExitKids, type ExitKidsFailure } from "./exit-kids";
import type { ProfilePatch, ProfileRecord } from "./ports";
import { profileChangeDetails } from "./profile-change";
// Profile lock
import { checkProfilePin, mainProfile } from "./profile-lock";
import { cleanProfileName } from "./public-profile";

export function listProfiles(deps: Pick<CoreDeps, "stores">, accountId: string): Promise<ProfileRecord[]> {
  return deps.stores.profiles.listByAccount(accountId);
}

export interface NewProfile {
  name: string;
  avatar?: AvatarId;
  isKids?: boolean;
  /** The main profile's PIN, when the account requires it to add profiles. */
  pin?: string;
}

type PinFailure = "PROFILE_LOCKED" | "PIN_REQUIRED" | "INVALID_PIN" | "RATE_LIMITED";

export async function createProfile(
  deps: CoreDeps,
  session: SessionRecord,
  input: NewProfile,
  context: RequestContext,
): Promise<Result<ProfileRecord, "PROFILE_LIMIT_REACHED" | "PROFILE_NAME_TAKEN" | "VALIDATION_FAILED" | PinFailure>> {
  const name = cleanProfileName(input.name);
  if (!name) return fail("VALIDATION_FAILED");
  if (await deps.stores.profiles.requiresPinToAdd(session.accountId)) {
    const main = mainProfile(await deps.stores.profiles.listByAccount(session.accountId));
    const checked = main ? await checkProfilePin(deps, session, main, input.pin, context, "PIN_REQUIRED") : null;
    if (checked && !checked.ok) return checked;
  }
  return inUnitOfWork(deps, async (stores) => {
    // Holding the account row makes "count, then insert" safe against a second request.
    await stores.accounts.lockForUpdate(session.accountId);
    const existing = await stores.profiles.listByAccount(session.accountId);
    if (existing.length >= maxProfilesPerAccount) return fail("PROFILE_LIMIT_REACHED");
    // A new profile speaks the account's language until it is given its own.
    const account = await stores.accounts.findById(session.accountId);
    const profile: ProfileRecord = {
      id: deps.random.uuid(),
      accountId: session.accountId,
      name,
      avatar: input.avatar ?? avatarIds[existing.length % avatarIds.length]!,
      isKids: input.isKids ?? false,
      pinHash: null,
      position: Math.max(-1, ...existing.map((p) => p.position)) + 1,
      createdAt: deps.clock.now(),
      maxRating: defaultMaxRating(input.isKids ?? false),
      restrictedTitles: [],
      language: account?.language ?? defaultLanguage,
    };
    if (!(await stores.profiles.create(profile))) return fail("PROFILE_NAME_TAKEN");
    await stores.audit.record(
      auditEvent(
        "profile_created",
        { accountId: session.accountId, sessionId: session.id },
        context,
        profile.createdAt,
        profileChangeDetails(existing, session, profile),
      ),
    );
    return ok(profile);
  });
}

export async function updateProfile(
  deps: CoreDeps,
  session: SessionRecord,
  profileId: string,
  patch: ProfilePatch,
  context: RequestContext,
): Promise<Result<ProfileRecord, "PROFILE_NOT_FOUND" | "PROFILE_NAME_TAKEN" | "VALIDATION_FAILED">> {
  const cleaned: ProfilePatch = { ...patch };
  if (patch.name !== undefined) {
    cleaned.name = cleanProfileName(patch.name);
    if (!cleaned.name) return fail("VALIDATION_FAILED");
  }
  return inUnitOfWork(deps, async (stores) => {
    // A profile made Kids above a Kids profile's highest rating starts again from the Kids default
    // (under the account lock a change of parental controls takes, so neither misses the other).
    if (patch.isKids) {
      await stores.accounts.lockForUpdate(session.accountId);
      const current = await stores.profiles.find(session.accountId, profileId);
      if (current && !allowedRating(true, current.maxRating)) cleaned.maxRating = defaultMaxRating(true);
    }
    const updated = await stores.profiles.update(session.accountId, profileId, cleaned);
    if (updated === "not_found") return fail("PROFILE_NOT_FOUND");
    if (updated === "name_taken") return fail("PROFILE_NAME_TAKEN");
    const profiles = await stores.profiles.listByAccount(session.accountId);
    await stores.audit.record(
      auditEvent("profile_updated", { accountId: session.accountId, sessionId: session.id }, context, deps.clock.now(), {
        ...profileChangeDetails(profiles, session, updated),
        // Which settings changed, not their values: a rename still shows the new name above.
        changed: Object.keys(cleaned).sort().join(","),
      }),
    );
    return ok(updated);
  });
}

export async function deleteProfile(
  deps: CoreDeps,
  session: SessionRecord,
  profileId: string,
  context: RequestContext,
): Promise<Result<void, "PROFILE_NOT_FOUND" | "LAST_PROFILE">> {
  return inUnitOfWork(deps, async (stores) => {
    await stores.accounts.lockForUpdate(session.accountId);
    const profiles = await stores.profiles.listByAccount(session.accountId);
    const profile = profiles.find((p) => p.id === profileId);
    if (!profile) return fail("PROFILE_NOT_FOUND");
    if (profiles.length === 1) return fail("LAST_PROFILE");
    await stores.profiles.delete(session.accountId, profileId);
    await stores.audit.record(
      auditEvent(
        "profile_deleted",
        { accountId: session.accountId, sessionId: session.id },
        context,
        deps.clock.now(),
        profileChangeDetails(profiles, session, profile),
      ),
    );
    return ok(undefined);
  });
}

/** What proves the device may open a profile: its PIN if locked, the account password to leave a Kids profile. */
export interface ProfileProof {
  pin?: string | undefined;
  currentPassword?: string | undefined;
}

/** The session remembers the profile chosen on this device. */
export async function chooseProfile(
  deps: CoreDeps,
  session: SessionRecord,
  profileId: string,
  proof: ProfileProof = {},
  context: RequestContext = { ip: null, userAgent: null },
): Promise<Result<ProfileRecord, "PROFILE_NOT_FOUND" | PinFailure | ExitKidsFailure>> {
  // A locked profile needs its PIN first, and leaving a Kids profile may need the password
  // (checked outside the lock: they may wait on the limiter).
  const target = await deps.stores.profiles.find(session.accountId, profileId);
  if (target) {
    const pinChecked = await checkProfilePin(deps, session, target, proof.pin, context);
    if (!pinChecked.ok) return pinChecked;
    const exitChecked = await checkExitKids(deps, session, target, proof.currentPassword, context);
    if (!exitChecked.ok) return exitChecked;
  }
  // Under the account lock that deleteProfile also takes: otherwise a delete landing between
  // the find and the update makes the session point at a vanished profile (a foreign-key error).
  return inUnitOfWork(deps, async (stores) => {
    await stores.accounts.lockForUpdate(session.accountId);
    const profile = await stores.profiles.find(session.accountId, profileId);
    if (!profile) return fail("PROFILE_NOT_FOUND");
    await stores.sessions.setProfile(session, profile.id);
    return ok(profile);
  });
}
