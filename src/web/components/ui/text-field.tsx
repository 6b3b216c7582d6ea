// A labelled input with its hint and error tied to it for screen readers.
import { type InputHTMLAttributes, type ReactNode, useId, useState } from "react";
import { useT } from "../../lib/i18n";

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "id"> {
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
}

export function TextField({ label, hint, error, className, ...input }: TextFieldProps) {
  const id = useId();
  const described = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div className={`field${error ? " field--invalid" : ""}${className ? ` ${className}` : ""}`}>
      <label htmlFor={id}>{label}</label>
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={described || undefined} {...input} />
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** A password input with a Show / Hide toggle. */
export function PasswordField(props: Omit<TextFieldProps, "type">) {
  const t = useT();
  const [visible, setVisible] = useState(false);
  const field = props.label.toLowerCase();
  return (
    <div className="password-field">
      <TextField {...props} type={visible ? "text" : "password"} spellCheck={false} autoCapitalize="none" />
      <button
        type="button"
        className="password-field__toggle"
        aria-pressed={visible}
        aria-label={visible ? t("common.passwordField.hideLabel", { field }) : t("common.passwordField.showLabel", { field })}
        onClick={() => setVisible((v) => !v)}
      >
        {visible ? t("common.passwordField.hide") : t("common.passwordField.show")}
      </button>
    </div>
  );
}
