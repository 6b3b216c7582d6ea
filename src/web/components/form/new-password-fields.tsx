// New password and Confirm new password, with the sign-up's strength meter under the first.
import { useId } from "react";
import { PasswordField } from "../ui/text-field";
import { PasswordStrengthMeter } from "./password-strength-meter";

interface NewPasswordFieldsProps {
  next: string;
  confirm: string;
  errors: { next?: string | undefined; confirm?: string | undefined };
  /** Words the password shouldn't be built from (the email address). */
  hints: string[];
  onNext(value: string): void;
  onConfirm(value: string): void;
}

export function NewPasswordFields({ next, confirm, errors, hints, onNext, onConfirm }: NewPasswordFieldsProps) {
  const meterId = useId();
  return (
    <>
      <div className="sign-up__password">
        <PasswordField
          label="New password"
          name="next"
          autoComplete="new-password"
          required
          maxLength={1024}
          hint="Use 8 to 128 characters. The most common passwords aren't accepted; a few unrelated words make a strong one."
          value={next}
          error={errors.next}
          onChange={(event) => onNext(event.target.value)}
        />
        <PasswordStrengthMeter id={meterId} password={next} hints={hints} />
      </div>
      <PasswordField
        label="Confirm new password"
        name="confirm"
        autoComplete="new-password"
        required
        value={confirm}
        error={errors.confirm}
        onChange={(event) => onConfirm(event.target.value)}
      />
    </>
  );
}

/** The API's refusals of a new password, said at the New password field (a Submission's `at`). */
export const NEW_PASSWORD_REFUSALS = {
  PASSWORD_TOO_SHORT: "next",
  PASSWORD_TOO_LONG: "next",
  PASSWORD_TOO_COMMON: "next",
  PASSWORD_UNCHANGED: "next",
} as const;

/** What is wrong with the two fields before anything is sent, if anything. */
export function checkNewPassword(next: string, confirm: string): { next?: string; confirm?: string } {
  if (!next) return { next: "Enter a new password." };
  if (confirm !== next) return { confirm: "The new passwords don't match. Type the same password twice." };
  return {};
}
