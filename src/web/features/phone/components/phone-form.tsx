// Add phone number, first step: the number, the current password, the text-message choice,
// Save. Whatever the API refuses is named beside the field it concerns.
import { useRef, useState, type FormEvent } from "react";
import { Alert } from "../../../components/ui/alert";
import { Checkbox } from "../../../components/ui/checkbox";
import { PasswordField } from "../../../components/ui/text-field";
import { ApiError, failureMessage } from "../../../lib/api-client";
import { setPhone, type CodeSent } from "../api/phone";
import { guessCountry } from "../phone-format";
import { PhoneNumberField } from "./phone-number-field";

type Errors = Partial<Record<"phone" | "password" | "form", string>>;

const PHONE_CODES = new Set(["INVALID_PHONE", "PHONE_NOT_MOBILE", "PHONE_IN_USE"]);

export function PhoneForm({ smsOptIn: initialOptIn, onSaved }: { smsOptIn: boolean; onSaved(sent: CodeSent): void }) {
  const [number, setNumber] = useState({ country: guessCountry(), value: "" });
  const [password, setPassword] = useState("");
  const [smsOptIn, setSmsOptIn] = useState(initialOptIn);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  function show(found: Errors) {
    setErrors(found);
    const first = found.phone ? "phone" : found.password ? "currentPassword" : undefined;
    if (first) form.current?.querySelector<HTMLInputElement>(`[name="${first}"]`)?.focus();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Errors = {};
    if (!/\d/.test(number.value)) found.phone = "Enter your mobile phone number.";
    if (!password) found.password = "Enter your current password.";
    if (found.phone || found.password) return show(found);

    setBusy(true);
    setErrors({});
    try {
      onSaved(await setPhone({ phone: number.value, country: number.country, currentPassword: password, smsOptIn }));
    } catch (failure) {
      setBusy(false);
      const message = failureMessage(failure, "Your phone number couldn't be saved. Please try again.");
      const code = failure instanceof ApiError ? failure.code : undefined;
      if (code && PHONE_CODES.has(code)) show({ phone: message });
      else if (code === "WRONG_PASSWORD") show({ password: message });
      else show({ form: message });
    }
  }

  return (
    <form ref={form} className="form" onSubmit={submit} noValidate>
      {errors.form && <Alert tone="error">{errors.form}</Alert>}
      <PhoneNumberField
        country={number.country}
        value={number.value}
        error={errors.phone}
        onChange={setNumber}
      />
      <PasswordField
        label="Current password"
        name="currentPassword"
        autoComplete="current-password"
        required
        value={password}
        error={errors.password}
        onChange={(event) => setPassword(event.target.value)}
      />
      <Checkbox
        label="Text me account updates and security alerts"
        checked={smsOptIn}
        onChange={(event) => setSmsOptIn(event.target.checked)}
      />
      <div className="form__actions">
        <button className="button button--primary" type="submit" disabled={busy}>
          {busy ? "Saving…" : "Save"}
        </button>
      </div>
    </form>
  );
}
