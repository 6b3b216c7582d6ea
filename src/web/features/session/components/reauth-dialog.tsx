// "Confirm it's you": shown when a sensitive change answers REAUTH_REQUIRED. The password (or
// a passkey) is checked, and the change the user started is then sent again by the API client.
import { useState } from "react";
import { useSubmission } from "../../../components/form/use-submission";
import { Alert } from "../../../components/ui/alert";
import { Dialog } from "../../../components/ui/dialog";
import { PasswordField } from "../../../components/ui/text-field";
import { reauthenticate, reauthenticateWithPasskey } from "../api/reauthenticate";

interface ReauthDialogProps {
  open: boolean;
  offerPasskey: boolean;
  onConfirmed(): void;
  onCancel(): void;
}

export function ReauthDialog({ open, offerPasskey, onConfirmed, onCancel }: ReauthDialogProps) {
  const [password, setPassword] = useState("");
  const [how, setHow] = useState<"password" | "passkey">();
  const proof = useSubmission({ fallback: "That didn't work. Please try again." });

  async function prove(using: "password" | "passkey") {
    setHow(using);
    const proven = await proof.run(() => (using === "password" ? reauthenticate({ password }) : reauthenticateWithPasskey()));
    if (!proven.ok) return;
    setPassword("");
    onConfirmed();
  }

  function submit() {
    if (proof.invalid({ form: password ? undefined : "Enter your password." })) return;
    void prove("password");
  }

  function cancel() {
    setPassword("");
    onCancel();
  }

  return (
    <Dialog
      open={open}
      title="Confirm it's you"
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
        <p>For your security, enter your password to continue. You won't be asked again for a few minutes.</p>
        {proof.errors.form && <Alert tone="error">{proof.errors.form}</Alert>}
        {open && (
          <PasswordField
            label="Password"
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
            {proof.pending && how === "passkey" ? "Waiting for your passkey…" : "Use a passkey"}
          </button>
        )}
      </div>
      <div className="dialog__actions">
        <button type="button" className="button button--secondary" onClick={cancel} disabled={proof.pending}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={proof.pending}>
          {proof.pending && how === "password" ? "Checking…" : "Continue"}
        </button>
      </div>
    </Dialog>
  );
}
