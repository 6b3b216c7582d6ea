// Profile lock: a profile's 4-digit PIN, and the account's "Require PIN to add new profiles".
// Setting or removing either needs a recent password proof (the API answers REAUTH_REQUIRED).
import { useCallback, useEffect, useState } from "react";
import { call, failureMessage, isSessionLost } from "../../../lib/api-client";
import { usher } from "../../../lib/usher";
import type { Profile } from "./profiles";

export const setProfilePin = async (id: string, pin: string): Promise<Profile> =>
  (await call(() => usher.PUT("/api/v1/profiles/{id}/pin", { params: { path: { id } }, body: { pin } }))).profile;

export const removeProfilePin = async (id: string): Promise<Profile> =>
  (await call(() => usher.DELETE("/api/v1/profiles/{id}/pin", { params: { path: { id } } }))).profile;

/** Needs the main profile (the first in the picker) to be locked: MAIN_PROFILE_NOT_LOCKED otherwise. */
export const setRequirePinToAddProfiles = async (required: boolean): Promise<boolean> =>
  (await call(() => usher.PUT("/api/v1/account/profile-lock", { body: { requirePinToAddProfiles: required } }))).requirePinToAddProfiles;

export const getRequirePinToAddProfiles = async (): Promise<boolean> =>
  (await call(() => usher.GET("/api/v1/account/security"))).requirePinToAddProfiles;

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
