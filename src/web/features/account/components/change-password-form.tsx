// Change password: current password, new password twice, and whether every other device
// must sign in again (checked by default). Mistakes are named next to the field they concern.
import { useState } from "react";
import { Form } from "../../../components/form/form";
import { checkNewPassword, NEW_PASSWORD_REFUSALS, NewPasswordFields } from "../../../components/form/new-password-fields";
import { type FormErrors, useSubmission } from "../../../components/form/use-submission";
import { Checkbox } from "../../../components/ui/checkbox";
import { PasswordField } from "../../../components/ui/text-field";
import { changePassword } from "../api/change-password";

type Field = "current" | "next" | "confirm";

/** `onChanged` receives how many other devices were signed out. */
export function ChangePasswordForm({ onChanged }: { onChanged(signedOutOtherDevices: number): unknown }) {
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [confirm, setConfirm] = useState("");
  const [signOutOtherDevices, setSignOutOtherDevices] = useState(true);
  const save = useSubmission<Field>({
    fallback: "Your password couldn't be changed. Please try again.",
    at: { WRONG_PASSWORD: "current", ...NEW_PASSWORD_REFUSALS },
  });

  function submit() {
    const found: FormErrors<Field> = { current: current ? undefined : "Enter your current password.", ...checkNewPassword(next, confirm) };
    if (save.invalid(found)) return;
    void save.run(async () => onChanged(await changePassword({ currentPassword: current, newPassword: next, signOutOtherDevices })));
  }

  return (
    <Form submission={save} onSubmit={submit}>
      <PasswordField
        label="Current password"
        name="current"
        autoComplete="current-password"
        required
        value={current}
        error={save.errors.current}
        onChange={(event) => setCurrent(event.target.value)}
      />
      <NewPasswordFields next={next} confirm={confirm} errors={save.errors} hints={[]} onNext={setNext} onConfirm={setConfirm} />
      <Checkbox
        label="Require all devices to sign in again with new password"
        checked={signOutOtherDevices}
        onChange={(event) => setSignOutOtherDevices(event.target.checked)}
      />
      <div className="form__actions">
        <button className="button button--primary" type="submit" disabled={save.pending}>
          {save.pending ? "Saving…" : "Save"}
        </button>
      </div>
    </Form>
  );
}
