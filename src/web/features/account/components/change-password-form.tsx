// Change password: current password, new password twice, and whether every other device
// must sign in again (checked by default). Mistakes are named next to the field they concern.
import { useRef, useState, type FormEvent } from "react";
import { Alert } from "../../../components/ui/alert";
import { Checkbox } from "../../../components/ui/checkbox";
import { PasswordField } from "../../../components/ui/text-field";
import { ApiError, failureMessage } from "../../../lib/api-client";
import { checkNewPassword, NEW_PASSWORD_CODES, NewPasswordFields } from "../../auth/components/new-password-fields";
import { changePassword } from "../api/change-password";

type Field = "current" | "next" | "confirm";
type Errors = Partial<Record<Field | "form", string>>;

/** `onChanged` receives how many other devices were signed out. */
export function ChangePasswordForm({ onChanged }: { onChanged(signedOutDevices: number): void }) {
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [confirm, setConfirm] = useState("");
  const [requireAllDevices, setRequireAllDevices] = useState(true);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  function show(found: Errors) {
    setErrors(found);
    // Take the keyboard to the first field that needs attention.
    const order: Field[] = ["current", "next", "confirm"];
    const first = order.find((field) => found[field]);
    if (first) form.current?.querySelector<HTMLInputElement>(`[name="${first}"]`)?.focus();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Errors = checkNewPassword(next, confirm);
    if (!current) found.current = "Enter your current password.";
    if (Object.keys(found).length > 0) return show(found);

    setBusy(true);
    setErrors({});
    try {
      const signedOutDevices = await changePassword({
        currentPassword: current,
        newPassword: next,
        requireAllDevicesToSignIn: requireAllDevices,
      });
      onChanged(signedOutDevices);
    } catch (failure) {
      setBusy(false);
      const message = failureMessage(failure, "Your password couldn't be changed. Please try again.");
      const code = failure instanceof ApiError ? failure.code : undefined;
      if (code === "WRONG_PASSWORD") show({ current: message });
      else if (code && NEW_PASSWORD_CODES.has(code)) show({ next: message });
      else show({ form: message });
    }
  }

  return (
    <form ref={form} className="form" onSubmit={submit} noValidate>
      {errors.form && <Alert tone="error">{errors.form}</Alert>}
      <PasswordField
        label="Current password"
        name="current"
        autoComplete="current-password"
        required
        value={current}
        error={errors.current}
        onChange={(event) => setCurrent(event.target.value)}
      />
      <NewPasswordFields
        next={next}
        confirm={confirm}
        errors={errors}
        hints={[]}
        onNext={setNext}
        onConfirm={setConfirm}
      />
      <Checkbox
        label="Require all devices to sign in again with new password"
        checked={requireAllDevices}
        onChange={(event) => setRequireAllDevices(event.target.checked)}
      />
      <div className="form__actions">
        <button className="button button--primary" type="submit" disabled={busy}>
          {busy ? "Saving…" : "Save"}
        </button>
      </div>
    </form>
  );
}
