// Profile & Parental Controls → Maturity rating: the highest rating the profile may watch, as
// radio cards from "All ages" to "18+ and below". A Kids profile stops at 13+, so the ratings
// above are shown, but can't be chosen.
import { useId, useState } from "react";
import { Form } from "../../../components/form/form";
import { useSubmission } from "../../../components/form/use-submission";
import { Alert } from "../../../components/ui/alert";
import { useT } from "../../../lib/i18n";
import type { ParentalControls, ParentalControlsChange } from "../api/parental-controls";
import { allowedFor, alreadyRated, kidsLimitHint, type MaturityRating, maturityRatings, ratingLabel, savedRating } from "../rating-words";

interface MaturityRatingFormProps {
  controls: ParentalControls;
  /** Sends the change with the account password; resolves with the settings as saved. */
  onChange(change: ParentalControlsChange): Promise<ParentalControls>;
}

export function MaturityRatingForm({ controls, onChange }: MaturityRatingFormProps) {
  const t = useT();
  const hintId = useId();
  const [chosen, setChosen] = useState(controls.maxRating);
  const [notice, setNotice] = useState<string>();
  // A refused password takes the page back to asking for it: nothing to say here.
  const save = useSubmission({ fallback: t("profiles.maturityRating.failed"), at: { WRONG_PASSWORD: null } });
  const name = controls.profileName;

  async function submit() {
    setNotice(undefined);
    const unchanged = chosen === controls.maxRating;
    if (save.invalid({ form: unchanged ? alreadyRated(name, chosen) : undefined })) return;
    const saved = await save.run(() => onChange({ maxRating: chosen }));
    if (saved.ok) setNotice(savedRating(saved.value.profileName, saved.value.maxRating));
  }

  function choose(rating: MaturityRating) {
    setChosen(rating);
    setNotice(undefined);
    save.forget("form");
  }

  return (
    <>
      <p className="parental__lead">{t("profiles.maturityRating.lead", { name })}</p>
      {notice && <Alert tone="success">{notice}</Alert>}
      <Form submission={save} onSubmit={() => void submit()}>
        <fieldset className="choices" aria-describedby={controls.isKids ? hintId : undefined}>
          {/* The section's heading shows the same words. */}
          <legend className="visually-hidden">{t("profiles.maturityRating.legend")}</legend>
          {controls.isKids && (
            <p id={hintId} className="field__hint">
              {kidsLimitHint()}
            </p>
          )}
          {maturityRatings.map((rating) => (
            <label key={rating} className="choice">
              <input
                type="radio"
                name="maxRating"
                value={rating}
                checked={rating === chosen}
                disabled={!allowedFor(controls.isKids, rating)}
                onChange={() => choose(rating)}
              />
              <span className="choice__label parental__rating">
                {ratingLabel(rating)}
                {rating === controls.maxRating && (
                  <>
                    {" "}
                    <span className="tag">{t("profiles.maturityRating.current")}</span>
                  </>
                )}
              </span>
            </label>
          ))}
        </fieldset>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={save.pending}>
            {save.pending ? t("profiles.maturityRating.saving") : t("profiles.maturityRating.save")}
          </button>
        </div>
      </Form>
    </>
  );
}
