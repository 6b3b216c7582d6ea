// Profile & Parental Controls → Display language: the language Usher speaks once this profile is
// chosen, on every device. Each choice is written in its own language (and marked so, for screen
// readers), so someone who can't read the page's language still finds theirs. Saved at once.
import { useState } from "react";
import { type Language, languageNames, languages } from "../../../../contract/languages";
import { useSubmission } from "../../../components/form/use-submission";
import { Alert } from "../../../components/ui/alert";
import { useT } from "../../../lib/i18n";
import { setDisplayLanguage } from "../api/display-language";
import type { ParentalControls } from "../api/parental-controls";

interface DisplayLanguageSettingProps {
  controls: ParentalControls;
  /** Told once the new language is saved: the page switches over when it is this device's profile. */
  onSaved(language: Language): unknown;
}

export function DisplayLanguageSetting({ controls, onSaved }: DisplayLanguageSettingProps) {
  const t = useT();
  const [chosen, setChosen] = useState<Language>(controls.language);
  const [notice, setNotice] = useState<string>();
  const save = useSubmission({ fallback: t("profiles.displayLanguage.failed") });

  async function choose(language: Language) {
    if (save.pending) return;
    const before = chosen;
    setNotice(undefined);
    setChosen(language);
    const saved = await save.run(async () => {
      const stored = await setDisplayLanguage(controls.profileId, language);
      await onSaved(stored);
      return stored;
    });
    if (saved.ok) setNotice(t("profiles.displayLanguage.saved", { name: controls.profileName, language: languageNames[saved.value] }));
    else setChosen(before);
  }

  return (
    <>
      {notice && <Alert tone="success">{notice}</Alert>}
      {save.errors.form && <Alert tone="error">{save.errors.form}</Alert>}
      <fieldset className="choices">
        <legend>{t("profiles.displayLanguage.legend", { name: controls.profileName })}</legend>
        {languages.map((language) => (
          <label key={language} className="choice">
            <input
              type="radio"
              name="display-language"
              value={language}
              checked={chosen === language}
              onChange={() => void choose(language)}
            />
            <span className="choice__label" lang={language}>
              {languageNames[language]}
            </span>
          </label>
        ))}
      </fieldset>
    </>
  );
}
