// Profile & Parental Controls once opened: each part in its own section, in the order a parent
// looks for them. Exit Kids is there only for a Kids profile (the setting is the account's).
import type { Language } from "../../../../contract/languages";
import { useT } from "../../../lib/i18n";
import type { ParentalControls, ParentalControlsChange } from "../api/parental-controls";
import { ControlsSection } from "./controls-section";
import { DisplayLanguageSetting } from "./display-language-setting";
import { ExitKidsSetting } from "./exit-kids-setting";
import { MaturityRatingForm } from "./maturity-rating-form";
import { ProfileLockSummary } from "./profile-lock-summary";
import { TitleRestrictions } from "./title-restrictions";
import { ViewingActivity } from "./viewing-activity";

interface ControlsSettingsProps {
  controls: ParentalControls;
  /** Sends a change with the account password the page holds; resolves with the settings as saved. */
  onChange(change: ParentalControlsChange): Promise<ParentalControls>;
  /** Told when the profile's display language is saved. */
  onLanguageSaved(language: Language): unknown;
}

export function ControlsSettings({ controls, onChange, onLanguageSaved }: ControlsSettingsProps) {
  const t = useT();
  return (
    <>
      <ControlsSection heading={t("profiles.controlsSettings.maturityRating")}>
        <MaturityRatingForm controls={controls} onChange={onChange} />
      </ControlsSection>
      <ControlsSection heading={t("profiles.controlsSettings.titleRestrictions")}>
        <TitleRestrictions controls={controls} onChange={onChange} />
      </ControlsSection>
      <ControlsSection heading={t("profiles.controlsSettings.profileLock")}>
        <ProfileLockSummary profileName={controls.profileName} locked={controls.locked} />
      </ControlsSection>
      <ControlsSection heading={t("profiles.controlsSettings.displayLanguage")}>
        <DisplayLanguageSetting controls={controls} onSaved={onLanguageSaved} />
      </ControlsSection>
      {controls.isKids && (
        <ControlsSection heading={t("profiles.controlsSettings.exitKids")}>
          <ExitKidsSetting controls={controls} onChange={onChange} />
        </ControlsSection>
      )}
      <ControlsSection heading={t("profiles.controlsSettings.viewingActivity")}>
        <ViewingActivity profileName={controls.profileName} activity={controls.viewingActivity} />
      </ControlsSection>
    </>
  );
}
