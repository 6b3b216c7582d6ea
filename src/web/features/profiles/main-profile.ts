// The main profile: the first in the picker (the account owner's, made at sign-up). Its PIN is
// the one "Require PIN to add new profiles" asks for. The API orders profiles this way already.
import type { Profile } from "./api/profiles";

export function mainProfile(profiles: readonly Profile[]): Profile | undefined {
  return [...profiles].sort((a, b) => a.position - b.position)[0];
}
