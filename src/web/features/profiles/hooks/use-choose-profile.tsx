// Choosing a profile on this device, wherever it is offered (Who's watching?, the profile menu,
// My Usher): an unlocked one opens at once; a locked one first asks for its PIN in a dialog.
// A profile locked since the list was loaded answers PROFILE_LOCKED, and then asks too.
import { useState } from "react";
import { useSubmission } from "../../../components/form/use-submission";
import { chooseProfile, type Profile } from "../api/profiles";
import { PinDialog } from "../components/pin-dialog";

export function useChooseProfile(onChosen: (profile: Profile) => unknown) {
  /** The profile being opened (no PIN needed), for its "Opening…" state. */
  const [opening, setOpening] = useState<string>();
  /** The locked profile whose PIN is being asked for. */
  const [asking, setAsking] = useState<Profile>();
  const open = useSubmission({ fallback: "That profile couldn't be opened. Please try again.", at: { PROFILE_LOCKED: null } });

  async function choose(profile: Profile) {
    open.reset();
    if (profile.locked) return setAsking(profile);
    setOpening(profile.id);
    const chosen = await open.run(async () => {
      await chooseProfile(profile.id);
      await onChosen(profile);
    });
    setOpening(undefined);
    if (!chosen.ok && chosen.code === "PROFILE_LOCKED") setAsking(profile);
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
        await onChosen(asking);
      }}
      onCancel={() => setAsking(undefined)}
    >
      <p>Profile lock is on. Enter the 4-digit PIN to open this profile.</p>
    </PinDialog>
  );

  return { choose: (profile: Profile) => void choose(profile), choosing: opening, error: open.errors.form, pinDialog };
}
