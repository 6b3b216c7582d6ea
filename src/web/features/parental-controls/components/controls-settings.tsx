// Profile & Parental Controls once opened: each part in its own section, in the order a parent
// looks for them. Exit Kids is there only for a Kids profile (the setting is the account's).
import type { ParentalControls, ParentalControlsChange } from "../api/parental-controls";
import { ControlsSection } from "./controls-section";
import { ExitKidsSetting } from "./exit-kids-setting";
import { MaturityRatingForm } from "./maturity-rating-form";
import { ProfileLockSummary } from "./profile-lock-summary";
import { TitleRestrictions } from "./title-restrictions";
import { ViewingActivity } from "./viewing-activity";

interface ControlsSettingsProps {
  controls: ParentalControls;
  /** Sends a change with the account password the page holds; resolves with the settings as saved. */
  onChange(change: ParentalControlsChange): Promise<ParentalControls>;
}

export function ControlsSettings({ controls, onChange }: ControlsSettingsProps) {
  return (
    <>
      <ControlsSection heading="Maturity rating">
        <MaturityRatingForm controls={controls} onChange={onChange} />
      </ControlsSection>
      <ControlsSection heading="Title restrictions">
        <TitleRestrictions controls={controls} onChange={onChange} />
      </ControlsSection>
      <ControlsSection heading="Profile lock">
        <ProfileLockSummary profileName={controls.profileName} locked={controls.locked} />
      </ControlsSection>
      {controls.isKids && (
        <ControlsSection heading="Exit Kids">
          <ExitKidsSetting controls={controls} onChange={onChange} />
        </ControlsSection>
      )}
      <ControlsSection heading="Viewing activity">
        <ViewingActivity profileName={controls.profileName} activity={controls.viewingActivity} />
      </ControlsSection>
    </>
  );
}
