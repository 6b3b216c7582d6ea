// What account activity records about a change to profiles: the profile changed and the profile
// the device making the change was watching as, each by the name it had then, so the owner
// reads "Lock removed from Dad's profile by Mum" rather than two ids.

import type { SessionRecord } from "../sessions/ports";
import type { ProfileRecord } from "./ports";

/** The acting profile: the one chosen on the session's device, if it still exists. */
export function actingProfile(profiles: readonly ProfileRecord[], session: SessionRecord): ProfileRecord | undefined {
  return session.profileId ? profiles.find((profile) => profile.id === session.profileId) : undefined;
}

/** Audit details naming the acting profile, and the target when the change is to one profile. */
export function profileChangeDetails(
  profiles: readonly ProfileRecord[],
  session: SessionRecord,
  target?: Pick<ProfileRecord, "id" | "name">,
): Record<string, unknown> {
  const acting = actingProfile(profiles, session);
  return {
    ...(target ? { profileId: target.id, profileName: target.name } : {}),
    ...(acting ? { actingProfileId: acting.id, actingProfileName: acting.name } : {}),
  };
}
