// "Confirm it's you": shown when a sensitive change answers REAUTH_REQUIRED. The password (or
// a passkey) is checked, and the change the user started is then sent again by the API client.
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { Alert } from "../../../components/ui/alert";
import { PasswordField } from "../../../components/ui/text-field";
import { failureMessage } from "../../../lib/api-client";
import { PasskeyCancelled } from "../../../lib/webauthn";
import { reauthenticateWithPasskey, reauthenticateWithPassword } from "../api/reauthenticate";

interface ReauthDialogProps {
  open: boolean;
  offerPasskey: boolean;
  onConfirmed(): void;
  onCancel(): void;
}

export function ReauthDialog({ open, offerPasskey, onConfirmed, onCancel }: ReauthDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState<"password" | "passkey">();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      // Each prompt starts empty: a password typed earlier is not kept around.
      setPassword("");
      setError(undefined);
      dialog.showModal();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  async function prove(how: "password" | "passkey") {
    setBusy(how);
    setError(undefined);
    try {
      await (how === "password" ? reauthenticateWithPassword(password) : reauthenticateWithPasskey());
      setPassword("");
      setBusy(undefined);
      onConfirmed();
    } catch (failure) {
      setBusy(undefined);
      setError(failure instanceof PasskeyCancelled ? failure.message : failureMessage(failure, "That didn't work. Please try again."));
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!password) return setError("Enter your password.");
    void prove("password");
  }

  function cancel() {
    setPassword("");
    onCancel();
  }

  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} onCancel={(event) => (event.preventDefault(), busy || cancel())}>
      <h2 id={titleId}>Confirm it's you</h2>
      <form className="form" onSubmit={submit} noValidate>
        <div className="dialog__body">
          <p>For your security, enter your password to continue. You won't be asked again for a few minutes.</p>
          {error && <Alert tone="error">{error}</Alert>}
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
            <button type="button" className="button button--link reauth__passkey" onClick={() => void prove("passkey")} disabled={Boolean(busy)}>
              {busy === "passkey" ? "Waiting for your passkey…" : "Use a passkey"}
            </button>
          )}
        </div>
        <div className="dialog__actions">
          <button type="button" className="button button--secondary" onClick={cancel} disabled={Boolean(busy)}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={Boolean(busy)}>
            {busy === "password" ? "Checking…" : "Continue"}
          </button>
        </div>
      </form>
    </dialog>
  );
}
