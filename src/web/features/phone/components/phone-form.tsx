// Add phone number, first step: the number, the current password, the text-message choice,
// Save. Whatever the API refuses is named beside the field it concerns.
import { useState } from "react";
import { Form } from "../../../components/form/form";
import { useSubmission } from "../../../components/form/use-submission";
import { Checkbox } from "../../../components/ui/checkbox";
import { PasswordField } from "../../../components/ui/text-field";
import { useT } from "../../../lib/i18n";
import { type CodeSent, setPhone } from "../api/phone";
import { guessCountry } from "../phone-format";
import { PhoneNumberField } from "./phone-number-field";

export function PhoneForm({ smsOptIn: initialOptIn, onSaved }: { smsOptIn: boolean; onSaved(sent: CodeSent): unknown }) {
  const t = useT();
  const [number, setNumber] = useState({ country: guessCountry(), value: "" });
  const [password, setPassword] = useState("");
  const [smsOptIn, setSmsOptIn] = useState(initialOptIn);
  const save = useSubmission<"phone" | "password">({
    fallback: t("account.phoneForm.failed"),
    at: { INVALID_PHONE: "phone", PHONE_NOT_MOBILE: "phone", PHONE_IN_USE: "phone", WRONG_PASSWORD: "password" },
  });

  function submit() {
    const found = {
      phone: /\d/.test(number.value) ? undefined : t("account.phoneForm.phoneMissing"),
      password: password ? undefined : t("account.phoneForm.passwordMissing"),
    };
    if (save.invalid(found)) return;
    void save.run(async () =>
      onSaved(await setPhone({ phone: number.value, country: number.country, currentPassword: password, smsOptIn })),
    );
  }

  return (
    <Form submission={save} onSubmit={submit}>
      <PhoneNumberField country={number.country} value={number.value} error={save.errors.phone} onChange={setNumber} />
      <PasswordField
        label={t("account.phoneForm.password")}
        name="currentPassword"
        autoComplete="current-password"
        required
        value={password}
        error={save.errors.password}
        onChange={(event) => setPassword(event.target.value)}
      />
      <Checkbox label={t("account.phoneForm.smsOptIn")} checked={smsOptIn} onChange={(event) => setSmsOptIn(event.target.checked)} />
      <div className="form__actions">
        <button className="button button--primary" type="submit" disabled={save.pending}>
          {save.pending ? t("account.phoneForm.saving") : t("account.phoneForm.save")}
        </button>
      </div>
    </Form>
  );
}
