// A 4-digit PIN input: one numeric field (the phone shows its number pad), digits only, the
// digits masked as they are typed (the picker is often in a shared living room). One field
// rather than four boxes: pasting, screen readers and Backspace then work as everywhere else.
import type { InputHTMLAttributes } from "react";
import { t } from "../../lib/i18n";
import { TextField } from "./text-field";

export const PIN_LENGTH = 4;

interface PinFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "type" | "value" | "onChange"> {
  label: string;
  value: string;
  onValueChange(pin: string): void;
  hint?: string;
  error?: string | undefined;
}

export function PinField({ label, value, onValueChange, hint, error, className, ...input }: PinFieldProps) {
  return (
    <TextField
      {...input}
      label={label}
      hint={hint}
      error={error}
      className={`pin-field${className ? ` ${className}` : ""}`}
      type="text"
      inputMode="numeric"
      pattern="[0-9]*"
      // Not a password: a password manager must not offer to save it as the account's password.
      autoComplete="off"
      spellCheck={false}
      maxLength={PIN_LENGTH}
      value={value}
      onChange={(event) => onValueChange(event.target.value.replace(/\D/g, "").slice(0, PIN_LENGTH))}
    />
  );
}

/** The PIN in words when it isn't 4 digits, or undefined when it is. */
export function pinProblem(pin: string): string | undefined {
  return /^\d{4}$/.test(pin) ? undefined : t("common.pinField.enterFourDigits");
}
