// New password and Confirm new password, with the sign-up's strength meter under the first.
import { useId } from "react";
import { t, useT } from "../../lib/i18n";
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
  const t = useT();
  const meterId = useId();
  return (
    <>
      <div className="sign-up__password">
        <PasswordField
          label={t("common.newPassword.label")}
          name="next"
          autoComplete="new-password"
          required
          maxLength={1024}
          hint={t("common.newPassword.hint")}
          value={next}
          error={errors.next}
          onChange={(event) => onNext(event.target.value)}
        />
        <PasswordStrengthMeter id={meterId} password={next} hints={hints} />
      </div>
      <PasswordField
        label={t("common.newPassword.confirmLabel")}
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
  if (!next) return { next: t("common.newPassword.missing") };
  if (confirm !== next) return { confirm: t("common.newPassword.mismatch") };
  return {};
}
