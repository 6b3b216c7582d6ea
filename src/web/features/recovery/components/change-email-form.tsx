// Change email: the new address and the current password (which proves it's you). Nothing
// changes until the link sent to the new address is opened.
import { useState } from "react";
import { Form } from "../../../components/form/form";
import { useSubmission } from "../../../components/form/use-submission";
import { PasswordField, TextField } from "../../../components/ui/text-field";
import { useT } from "../../../lib/i18n";
import { changeEmail } from "../api/email";

export function ChangeEmailForm({ onSent }: { onSent(sentTo: string): void }) {
  const t = useT();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const save = useSubmission<"email" | "password">({
    fallback: t("auth.changeEmail.failed"),
    at: { WRONG_PASSWORD: "password", INVALID_EMAIL: "email", EMAIL_UNCHANGED: "email", EMAIL_TAKEN: "email" },
  });

  function submit() {
    const found = {
      email: email.trim() ? undefined : t("auth.changeEmail.enterEmail"),
      password: password ? undefined : t("auth.changeEmail.enterPassword"),
    };
    if (save.invalid(found)) return;
    void save.run(async () => onSent((await changeEmail(email.trim(), password)).sentTo));
  }

  return (
    <Form submission={save} onSubmit={submit}>
      <TextField
        label={t("auth.changeEmail.newEmail")}
        name="email"
        type="email"
        autoComplete="email"
        required
        maxLength={320}
        value={email}
        error={save.errors.email}
        onChange={(event) => setEmail(event.target.value)}
      />
      <PasswordField
        label={t("auth.changeEmail.currentPassword")}
        name="password"
        autoComplete="current-password"
        required
        value={password}
        error={save.errors.password}
        onChange={(event) => setPassword(event.target.value)}
      />
      <div className="form__actions">
        <button className="button button--primary" type="submit" disabled={save.pending}>
          {save.pending ? t("auth.changeEmail.saving") : t("auth.changeEmail.save")}
        </button>
      </div>
    </Form>
  );
}
