// Language and time zone: the account's emails and texts in one of Usher's languages (each named
// in its own), with their times in a time zone, this device's offered first.
import { useId, useMemo, useState } from "react";
import { type Language, languageNames, languages } from "../../../../contract/languages";
import { Form } from "../../../components/form/form";
import { useSubmission } from "../../../components/form/use-submission";
import { useT } from "../../../lib/i18n";
import { changeLanguageSettings, type LanguageSettings } from "../api/language-settings";
import { deviceTimeZone, timeZoneChoices, timeZoneName } from "../time-zones";

interface LanguageSettingsFormProps {
  current: LanguageSettings;
  onChanged(settings: LanguageSettings): unknown;
}

export function LanguageSettingsForm({ current, onChanged }: LanguageSettingsFormProps) {
  const t = useT();
  const id = useId();
  const [language, setLanguage] = useState<Language>(current.language);
  const [timeZone, setTimeZone] = useState(current.timeZone);
  const zones = useMemo(() => timeZoneChoices(current.timeZone), [current.timeZone]);
  const save = useSubmission({ fallback: t("account.languageForm.failed") });
  const here = deviceTimeZone();

  function submit() {
    void save.run(async () => onChanged(await changeLanguageSettings({ language, timeZone })));
  }

  return (
    <Form submission={save} onSubmit={submit}>
      <fieldset className="choices">
        <legend>{t("account.languageForm.language")}</legend>
        {languages.map((choice) => (
          <label key={choice} className="choice">
            <input type="radio" name="language" value={choice} checked={language === choice} onChange={() => setLanguage(choice)} />
            <span className="choice__label" lang={choice}>
              {languageNames[choice]}
            </span>
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-zone`}>{t("account.languageForm.timeZone")}</label>
        <select
          id={`${id}-zone`}
          name="timeZone"
          value={timeZone}
          onChange={(event) => setTimeZone(event.target.value)}
          aria-describedby={`${id}-hint`}
        >
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {timeZoneName(zone)}
            </option>
          ))}
        </select>
        <p className="field__hint" id={`${id}-hint`}>
          {t("account.languageForm.timeZoneHint", { zone: timeZoneName(here) })}
        </p>
      </div>
      <div className="form__actions">
        <button className="button button--primary" type="submit" disabled={save.pending}>
          {save.pending ? t("account.languageForm.saving") : t("account.languageForm.save")}
        </button>
      </div>
    </Form>
  );
}
