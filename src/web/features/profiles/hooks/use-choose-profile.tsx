// Choosing a profile on this device, wherever it is offered (Who's watching?, the profile menu,
// My Usher): an unlocked one opens at once; a locked one first asks for its PIN in a dialog.
// A profile locked since the list was loaded answers PROFILE_LOCKED, and then asks too.
import { useState } from "react";
import { ApiError, failureMessage, isSessionLost } from "../../../lib/api-client";
import { chooseProfile, type Profile } from "../api/profiles";
import { PinDialog } from "../components/pin-dialog";

export function useChooseProfile(onChosen: (profile: Profile) => void) {
  /** The profile being opened (no PIN needed), for its "Opening…" state. */
  const [choosing, setChoosing] = useState<string>();
  const [error, setError] = useState<string>();
  /** The locked profile whose PIN is being asked for. */
  const [asking, setAsking] = useState<Profile>();

  async function choose(profile: Profile) {
    setError(undefined);
    if (profile.locked) {
      setAsking(profile);
      return;
    }
    setChoosing(profile.id);
    try {
      await chooseProfile(profile.id);
      onChosen(profile);
    } catch (failure) {
      setChoosing(undefined);
      if (failure instanceof ApiError && failure.code === "PROFILE_LOCKED") setAsking(profile);
      // A lost session is already on its way to the sign-in page.
      else if (!isSessionLost(failure)) setError(failureMessage(failure, "That profile couldn't be opened. Please try again."));
    }
  }

  const pinDialog = (
    <PinDialog
      open={asking !== undefined}
      title={asking ? `${asking.name} is locked` : "This profile is locked"}
      submitLabel="Open profile"
      busyLabel="Opening…"
      onSubmit={async (pin) => {
        if (!asking) return;
        await chooseProfile(asking.id, pin);
        setAsking(undefined);
        onChosen(asking);
      }}
      onCancel={() => setAsking(undefined)}
    >
      <p>Profile lock is on. Enter the 4-digit PIN to open this profile.</p>
    </PinDialog>
  );

  return { choose: (profile: Profile) => void choose(profile), choosing, error, pinDialog };
}
