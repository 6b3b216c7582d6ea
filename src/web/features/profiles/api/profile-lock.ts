// Profile lock: a profile's 4-digit PIN, and the account's "Require PIN to add new profiles".
// Setting, changing or removing either carries the account password, every time (a wrong one
// is refused with WRONG_PASSWORD), however recently it was typed on this device.
import { useCallback, useEffect, useState } from "react";
import { call, failureMessage, isSessionLost } from "../../../lib/api-client";
import { usher } from "../../../lib/usher";
import type { Profile } from "./profiles";

export const setProfilePin = async (id: string, pin: string, currentPassword: string): Promise<Profile> =>
  (await call(() => usher.PUT("/api/v1/profiles/{id}/pin", { params: { path: { id } }, body: { pin, currentPassword } }))).profile;

export const removeProfilePin = async (id: string, currentPassword: string): Promise<Profile> =>
  (await call(() => usher.POST("/api/v1/profiles/{id}/pin/remove", { params: { path: { id } }, body: { currentPassword } }))).profile;

/** Needs the main profile (the first in the picker) to be locked: MAIN_PROFILE_NOT_LOCKED otherwise. */
export const setRequirePinToAddProfiles = async (required: boolean, currentPassword: string): Promise<boolean> =>
  (await call(() => usher.PUT("/api/v1/account/profile-lock", { body: { requirePinToAddProfiles: required, currentPassword } })))
    .requirePinToAddProfiles;

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
