// The field for a 6-digit code sent by email or text message: digits only, the phone's number
// pad and its one-time-code autofill, the error in place of the hint, tied to the input for
// screen readers.
import { type Ref, useId } from "react";
import { useT } from "../../lib/i18n";

export const SIX_DIGITS = /^\d{6}$/;

interface CodeFieldProps {
  value: string;
  onChange(code: string): void;
  error?: string | undefined;
  hint?: string;
  label?: string;
  /** The step before it is gone: the keyboard lands where the code goes. */
  autoFocus?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}

export function CodeField({ value, onChange, error, hint, label, autoFocus, inputRef }: CodeFieldProps) {
  const t = useT();
  const id = useId();
  return (
    <div className={`field verify__code${error ? " field--invalid" : ""}`}>
      <label htmlFor={`${id}-code`}>{label ?? t("common.codeField.label")}</label>
      <input
        ref={inputRef}
        id={`${id}-code`}
        // biome-ignore lint/a11y/noAutofocus: only when the caller asks, for the one field of a step that replaced the one before (see the prop).
        autoFocus={autoFocus}
        name="code"
        type="text"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9]*"
        required
        value={value}
        onChange={(event) => onChange(event.target.value.replace(/\D/g, "").slice(0, 6))}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : `${id}-hint`}
      />
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : (
        <p className="field__hint" id={`${id}-hint`}>
          {hint ?? t("common.codeField.hint")}
        </p>
      )}
    </div>
  );
}
