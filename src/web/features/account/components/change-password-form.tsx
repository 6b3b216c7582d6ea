// Change password: current password, new password twice, and whether every other device
// must sign in again (checked by default). Mistakes are named next to the field they concern.
import { useState } from "react";
import { Form } from "../../../components/form/form";
import { checkNewPassword, NEW_PASSWORD_REFUSALS, NewPasswordFields } from "../../../components/form/new-password-fields";
import { type FormErrors, useSubmission } from "../../../components/form/use-submission";
import { Checkbox } from "../../../components/ui/checkbox";
import { PasswordField } from "../../../components/ui/text-field";
import { useT } from "../../../lib/i18n";
import { changePassword } from "../api/change-password";

type Field = "current" | "next" | "confirm";

/** `onChanged` receives how many other devices were signed out. */
export function ChangePasswordForm({ onChanged }: { onChanged(signedOutOtherDevices: number): unknown }) {
  const t = useT();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [confirm, setConfirm] = useState("");
  const [signOutOtherDevices, setSignOutOtherDevices] = useState(true);
  const save = useSubmission<Field>({
    fallback: t("account.changePasswordForm.failed"),
    at: { WRONG_PASSWORD: "current", ...NEW_PASSWORD_REFUSALS },
  });

  function submit() {
    const found: FormErrors<Field> = {
      current: current ? undefined : t("account.changePasswordForm.currentMissing"),
      ...checkNewPassword(next, confirm),
    };
    if (save.invalid(found)) return;
    void save.run(async () => onChanged(await changePassword({ currentPassword: current, newPassword: next, signOutOtherDevices })));
  }

  return (
    <Form submission={save} onSubmit={submit}>
      <PasswordField
        label={t("account.changePasswordForm.current")}
        name="current"
        autoComplete="current-password"
        required
        value={current}
        error={save.errors.current}
        onChange={(event) => setCurrent(event.target.value)}
      />
      <NewPasswordFields next={next} confirm={confirm} errors={save.errors} hints={[]} onNext={setNext} onConfirm={setConfirm} />
      <Checkbox
        label={t("account.changePasswordForm.signOutOthers")}
        checked={signOutOtherDevices}
        onChange={(event) => setSignOutOtherDevices(event.target.checked)}
      />
      <div className="form__actions">
        <button className="button button--primary" type="submit" disabled={save.pending}>
          {save.pending ? t("account.changePasswordForm.saving") : t("account.changePasswordForm.save")}
        </button>
      </div>
    </Form>
  );
}
