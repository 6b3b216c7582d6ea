// "Confirm it's you": shown when a sensitive change answers REAUTH_REQUIRED. The password (or
// a passkey) is checked, and the change the user started is then sent again by the API client.
import { useState } from "react";
import { useSubmission } from "../../../components/form/use-submission";
import { Alert } from "../../../components/ui/alert";
import { Dialog } from "../../../components/ui/dialog";
import { PasswordField } from "../../../components/ui/text-field";
import { useT } from "../../../lib/i18n";
import { reauthenticate, reauthenticateWithPasskey } from "../api/reauthenticate";

interface ReauthDialogProps {
  open: boolean;
  offerPasskey: boolean;
  onConfirmed(): void;
  onCancel(): void;
}

export function ReauthDialog({ open, offerPasskey, onConfirmed, onCancel }: ReauthDialogProps) {
  const t = useT();
  const [password, setPassword] = useState("");
  const [how, setHow] = useState<"password" | "passkey">();
  const proof = useSubmission({ fallback: t("auth.reauth.failed") });

  async function prove(using: "password" | "passkey") {
    setHow(using);
    const proven = await proof.run(() => (using === "password" ? reauthenticate({ password }) : reauthenticateWithPasskey()));
    if (!proven.ok) return;
    setPassword("");
    onConfirmed();
  }

  function submit() {
    if (proof.invalid({ form: password ? undefined : t("auth.reauth.enterPassword") })) return;
    void prove("password");
  }

  function cancel() {
    setPassword("");
    onCancel();
  }

  return (
    <Dialog
      open={open}
      title={t("auth.reauth.title")}
      busy={proof.pending}
      // Each prompt starts empty: a password typed earlier is not kept around.
      onOpen={() => {
        setPassword("");
        proof.reset();
      }}
      onCancel={cancel}
      onSubmit={submit}
      formRef={proof.form}
      formClassName="form"
    >
      <div className="dialog__body">
        <p>{t("auth.reauth.lead")}</p>
        {proof.errors.form && <Alert tone="error">{proof.errors.form}</Alert>}
        {open && (
          <PasswordField
            label={t("auth.reauth.password")}
            autoComplete="current-password"
            autoFocus
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        )}
        {offerPasskey && (
          <button
            type="button"
            className="button button--link reauth__passkey"
            onClick={() => void prove("passkey")}
            disabled={proof.pending}
          >
            {proof.pending && how === "passkey" ? t("auth.reauth.waitingForPasskey") : t("auth.reauth.usePasskey")}
          </button>
        )}
      </div>
      <div className="dialog__actions">
        <button type="button" className="button button--secondary" onClick={cancel} disabled={proof.pending}>
          {t("auth.reauth.cancel")}
        </button>
        <button type="submit" className="button button--primary" disabled={proof.pending}>
          {proof.pending && how === "password" ? t("auth.reauth.checking") : t("auth.reauth.continue")}
        </button>
      </div>
    </Dialog>
  );
}
