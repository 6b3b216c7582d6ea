// Profile & Parental Controls → the account password, before anything of the settings is shown:
// the browser may be in a child's hands. A wrong password is said at the field, which is emptied.
import { useState } from "react";
import { Form } from "../../../components/form/form";
import { useSubmission } from "../../../components/form/use-submission";
import { PasswordField } from "../../../components/ui/text-field";
import { useT } from "../../../lib/i18n";
import { openParentalControls, type ParentalControls } from "../api/parental-controls";

interface OpenControlsFormProps {
  profileId: string;
  profileName: string;
  /** Receives the password that opened them: the page sends it again with each change. */
  onOpened(password: string, controls: ParentalControls): void;
}

export function OpenControlsForm({ profileId, profileName, onOpened }: OpenControlsFormProps) {
  const t = useT();
  const [password, setPassword] = useState("");
  const open = useSubmission<"password">({
    fallback: t("profiles.openControls.failed"),
    at: { WRONG_PASSWORD: "password" },
  });

  async function submit() {
    if (open.pending || open.invalid({ password: password ? undefined : t("profiles.openControls.passwordMissing") })) return;
    const opened = await open.run(() => openParentalControls(profileId, password));
    if (opened.ok) onOpened(password, opened.value);
    else if (opened.code === "WRONG_PASSWORD") setPassword("");
  }

  return (
    <Form submission={open} onSubmit={() => void submit()}>
      <p className="parental__gate-lead">{t("profiles.openControls.lead", { name: profileName })}</p>
      <PasswordField
        label={t("profiles.openControls.password")}
        autoComplete="current-password"
        required
        autoFocus
        value={password}
        error={open.errors.password}
        onChange={(event) => setPassword(event.target.value)}
      />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={open.pending || open.throttled}>
          {open.pending ? t("profiles.openControls.checking") : t("profiles.openControls.continue")}
        </button>
      </div>
    </Form>
  );
}
