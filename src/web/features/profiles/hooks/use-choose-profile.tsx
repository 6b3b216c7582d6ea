// Choosing a profile on this device, wherever it is offered (Who's watching?, the profile menu,
// My Usher): an unlocked one opens at once; a locked one first asks for its PIN in a dialog.
// A profile locked since the list was loaded answers PROFILE_LOCKED, and then asks too. Leaving
// a Kids profile for an unlocked one may take the account password (the API decides, answering
// EXIT_KIDS_PASSWORD_REQUIRED), so that a child can't walk out of Kids with a tap.
import { useState } from "react";
import { useSubmission } from "../../../components/form/use-submission";
import { PasswordDialog } from "../../../components/ui/password-dialog";
import { useT } from "../../../lib/i18n";
import { type ChooseProof, chooseProfile, type Profile } from "../api/profiles";
import { PinDialog } from "../components/pin-dialog";

export function useChooseProfile(onChosen: (profile: Profile) => unknown) {
  const t = useT();
  /** The profile being opened (no PIN needed), for its "Opening…" state. */
  const [opening, setOpening] = useState<string>();
  /** The locked profile whose PIN is being asked for. */
  const [askingPin, setAskingPin] = useState<Profile>();
  /** The profile a Kids profile is leaving for, while the account password is asked for. */
  const [askingPassword, setAskingPassword] = useState<Profile>();
  const open = useSubmission({
    fallback: t("profiles.chooseProfile.failed"),
    at: { PROFILE_LOCKED: null, EXIT_KIDS_PASSWORD_REQUIRED: null },
  });

  async function choose(profile: Profile) {
    open.reset();
    if (profile.locked) return setAskingPin(profile);
    setOpening(profile.id);
    const chosen = await open.run(async () => {
      await chooseProfile(profile.id);
      await onChosen(profile);
    });
    setOpening(undefined);
    if (chosen.ok) return;
    if (chosen.code === "PROFILE_LOCKED") setAskingPin(profile);
    if (chosen.code === "EXIT_KIDS_PASSWORD_REQUIRED") setAskingPassword(profile);
  }

  /** Opens the profile asked about with what the dialog took; the dialog says a refusal. */
  async function openWith(profile: Profile | undefined, proof: ChooseProof, close: () => void) {
    if (!profile) return;
    await chooseProfile(profile.id, proof);
    close();
    await onChosen(profile);
  }

  const dialogs = (
    <>
      <PinDialog
        open={askingPin !== undefined}
        title={askingPin ? t("profiles.chooseProfile.lockedTitle", { name: askingPin.name }) : t("profiles.chooseProfile.lockedTitleAny")}
        submitLabel={t("profiles.chooseProfile.open")}
        busyLabel={t("profiles.chooseProfile.opening")}
        onSubmit={(pin) => openWith(askingPin, { pin }, () => setAskingPin(undefined))}
        onCancel={() => setAskingPin(undefined)}
      >
        <p>{t("profiles.chooseProfile.pinBody")}</p>
      </PinDialog>
      <PasswordDialog
        open={askingPassword !== undefined}
        title={t("profiles.chooseProfile.leaveKidsTitle")}
        label={t("profiles.chooseProfile.password")}
        missing={t("profiles.chooseProfile.passwordMissing")}
        confirmLabel={t("profiles.chooseProfile.open")}
        busyLabel={t("profiles.chooseProfile.opening")}
        failed={t("profiles.chooseProfile.failed")}
        onConfirm={(currentPassword) => openWith(askingPassword, { currentPassword }, () => setAskingPassword(undefined))}
        onCancel={() => setAskingPassword(undefined)}
      >
        <p>
          {askingPassword
            ? t("profiles.chooseProfile.passwordBody", { name: askingPassword.name })
            : t("profiles.chooseProfile.passwordBodyAny")}
        </p>
      </PasswordDialog>
    </>
  );

  return { choose: (profile: Profile) => void choose(profile), choosing: opening, error: open.errors.form, dialogs };
}
