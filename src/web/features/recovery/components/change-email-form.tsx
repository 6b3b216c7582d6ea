// Change email: the new address and the current password (which proves it's you). Nothing
// changes until the link sent to the new address is opened.
import { useRef, useState, type FormEvent } from "react";
import { Alert } from "../../../components/ui/alert";
import { PasswordField, TextField } from "../../../components/ui/text-field";
import { ApiError, failureMessage } from "../../../lib/api-client";
import { changeEmail } from "../api/email";

type Field = "email" | "password";
type Errors = Partial<Record<Field | "form", string>>;

const EMAIL_CODES = new Set(["INVALID_EMAIL", "EMAIL_UNCHANGED", "EMAIL_TAKEN"]);

export function ChangeEmailForm({ onSent }: { onSent(sentTo: string): void }) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  function show(found: Errors) {
    setErrors(found);
    const first = (["email", "password"] as const).find((field) => found[field]);
    if (first) form.current?.querySelector<HTMLInputElement>(`[name="${first}"]`)?.focus();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Errors = {};
    if (!email.trim()) found.email = "Enter your new email address.";
    if (!password) found.password = "Enter your current password.";
    if (Object.keys(found).length > 0) return show(found);
    setBusy(true);
    setErrors({});
    try {
      onSent((await changeEmail(email.trim(), password)).sentTo);
    } catch (failure) {
      setBusy(false);
      const message = failureMessage(failure, "Your email couldn't be changed. Please try again.");
      const failed = failure instanceof ApiError ? failure.code : undefined;
      if (failed === "WRONG_PASSWORD") show({ password: message });
      else if (failed && EMAIL_CODES.has(failed)) show({ email: message });
      else show({ form: message });
    }
  }

  return (
    <form ref={form} className="form" onSubmit={submit} noValidate>
      {errors.form && <Alert tone="error">{errors.form}</Alert>}
      <TextField
        label="New email"
        name="email"
        type="email"
        autoComplete="email"
        required
        maxLength={320}
        value={email}
        error={errors.email}
        onChange={(event) => setEmail(event.target.value)}
      />
      <PasswordField
        label="Current password"
        name="password"
        autoComplete="current-password"
        required
        value={password}
        error={errors.password}
        onChange={(event) => setPassword(event.target.value)}
      />
      <div className="form__actions">
        <button className="button button--primary" type="submit" disabled={busy}>
          {busy ? "Saving…" : "Save"}
        </button>
      </div>
    </form>
  );
}
