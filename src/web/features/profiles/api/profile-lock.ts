// Profile lock: a profile's 4-digit PIN, and the account's "Require PIN to add new profiles".
// Setting or removing either needs a recent password proof (the API answers REAUTH_REQUIRED).
import { useCallback, useEffect, useState } from "react";
import { api, failureMessage, isSessionLost } from "../../../lib/api-client";
import type { Profile } from "./profiles";

export const setProfilePin = async (id: string, pin: string): Promise<Profile> =>
  (await api<{ profile: Profile }>("PUT", `/profiles/${id}/pin`, { pin })).profile;

export const removeProfilePin = async (id: string): Promise<Profile> =>
  (await api<{ profile: Profile }>("DELETE", `/profiles/${id}/pin`)).profile;

/** Needs the main profile (the first in the picker) to be locked: MAIN_PROFILE_NOT_LOCKED otherwise. */
export const setRequirePinToAddProfiles = async (required: boolean): Promise<boolean> =>
  (await api<{ requirePinToAddProfiles: boolean }>("PUT", "/account/profile-lock", { requirePinToAddProfiles: required }))
    .requirePinToAddProfiles;

export const getRequirePinToAddProfiles = async (): Promise<boolean> =>
  (await api<{ requirePinToAddProfiles: boolean }>("GET", "/account/security")).requirePinToAddProfiles;

export type ProfileLockSetting =
  | { status: "loading" }
  | { status: "failed"; message: string }
  | { status: "ready"; requirePinToAddProfiles: boolean };

/** The account's setting, loaded when the page opens; `reload` asks again (removing the main PIN turns it off). */
export function useProfileLockSetting(): ProfileLockSetting & { reload(): void; set(required: boolean): void } {
  const [state, setState] = useState<ProfileLockSetting>({ status: "loading" });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let current = true;
    getRequirePinToAddProfiles().then(
      (required) => current && setState({ status: "ready", requirePinToAddProfiles: required }),
      (error: unknown) => {
        // A lost session is already on its way to the sign-in page.
        if (current && !isSessionLost(error)) {
          setState({ status: "failed", message: failureMessage(error, "The profile lock setting couldn't be loaded.") });
        }
      },
    );
    return () => {
      current = false;
    };
  }, [generation]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  const set = useCallback((required: boolean) => setState({ status: "ready", requirePinToAddProfiles: required }), []);
  return { ...state, reload, set };
}
