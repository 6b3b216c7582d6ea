// The country-aware phone number field: a country list with calling codes and the number,
// formatted as it is typed. libphonenumber-js arrives in its own chunk once the field shows.
import { type ChangeEvent, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from "react";
import { useT } from "../../../lib/i18n";
import { type CountryCode, countryOptions, formatTyped, type Lib } from "../phone-format";

interface PhoneNumberFieldProps {
  country: string;
  value: string;
  error?: string | undefined;
  disabled?: boolean;
  /** What the number is for; by default, the number being added to the account. */
  hint?: string;
  onChange(next: { country: string; value: string }): void;
}

export function PhoneNumberField({ country, value, error, disabled, hint, onChange }: PhoneNumberFieldProps) {
  const t = useT();
  const id = useId();
  const [lib, setLib] = useState<Lib>();
  // biome-ignore lint/correctness/useExhaustiveDependencies: countries are named in the shown language, and `t` changes with it.
  const options = useMemo(() => (lib ? countryOptions(lib) : []), [lib, t]);
  const input = useRef<HTMLInputElement>(null);
  const pendingCaret = useRef<number | null>(null);

  useEffect(() => {
    let current = true;
    void import("libphonenumber-js").then((loaded) => {
      if (!current) return;
      setLib(loaded);
    });
    return () => {
      current = false;
    };
  }, []);

  useLayoutEffect(() => {
    if (pendingCaret.current === null || document.activeElement !== input.current) return;
    input.current?.setSelectionRange(pendingCaret.current, pendingCaret.current);
    pendingCaret.current = null;
  });

  const known = lib?.isSupportedCountry(country) ? (country as CountryCode) : undefined;

  useEffect(() => {
    // The browser's region may be one the library has no numbers for.
    if (lib && !known) onChange({ country: "US", value });
  }, [lib, known, onChange, value]);

  function typed(event: ChangeEvent<HTMLInputElement>) {
    const next = event.target.value;
    if (!lib || !known) return onChange({ country, value: next });
    const inputType = (event.nativeEvent as InputEvent).inputType ?? "";
    const deleting = inputType === "deleteContentBackward" ? "backward" : inputType === "deleteContentForward" ? "forward" : undefined;
    const result = formatTyped(lib, known, value, next, event.target.selectionStart ?? next.length, deleting);
    pendingCaret.current = result.caret;
    onChange({ country: result.country ?? country, value: result.value });
  }

  function chose(event: ChangeEvent<HTMLSelectElement>) {
    const chosen = event.target.value as CountryCode;
    const reformatted = lib && value && !value.startsWith("+") ? formatTyped(lib, chosen, value, value, value.length).value : value;
    onChange({ country: chosen, value: reformatted });
  }

  const describedBy = [`${id}-hint`, error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div className={`phone-field${error ? " field--invalid" : ""}`}>
      <div className="field phone-field__country">
        <label htmlFor={`${id}-country`}>{t("account.phoneField.country")}</label>
        <select id={`${id}-country`} name="country" value={country} onChange={chose} disabled={disabled || !lib} autoComplete="country">
          {options.length === 0 ? (
            <option value={country}>{t("account.phoneField.loadingCountries")}</option>
          ) : (
            options.map((option) => (
              <option key={option.code} value={option.code}>
                {option.label}
              </option>
            ))
          )}
        </select>
      </div>
      <div className="field phone-field__number">
        <label htmlFor={`${id}-number`}>{t("account.phoneField.number")}</label>
        <input
          ref={input}
          id={`${id}-number`}
          name="phone"
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          required
          disabled={disabled}
          value={value}
          onChange={typed}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        />
      </div>
      <p className="field__hint phone-field__hint" id={`${id}-hint`}>
        {hint ?? t("account.phoneField.hint")}
      </p>
      {error && (
        <p className="field__error phone-field__hint" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
