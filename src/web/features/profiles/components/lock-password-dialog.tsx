// Asks for the account password in a modal before a profile-lock change that needs nothing else
// typed (removing a lock, switching "Require PIN to add new profiles"). A change to a lock takes
// the password every time, however recently it was typed here: the device may have changed
// hands since. A wrong password is said at the field, which is emptied and focused again.
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from "react";
import { Alert } from "../../../components/ui/alert";
import { PasswordField } from "../../../components/ui/text-field";
import { ApiError, failureMessage } from "../../../lib/api-client";

interface LockPasswordDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busyLabel: string;
  /** Said when the change fails for a reason the API doesn't name (the connection dropped). */
  failedMessage: string;
  /** Resolves once the change is made (the caller then closes the dialog); throws the API's refusal. */
  onConfirm(password: string): Promise<void>;
  onCancel(): void;
}

export function LockPasswordDialog({ open, title, children, confirmLabel, busyLabel, failedMessage, onConfirm, onCancel }: LockPasswordDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [password, setPassword] = useState("");
  const [fieldError, setFieldError] = useState<string>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const focusPassword = () => requestAnimationFrame(() => ref.current?.querySelector<HTMLInputElement>("input")?.focus());

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      // Each time afresh: a password typed for an earlier change is not kept.
      setPassword("");
      setFieldError(undefined);
      setError(undefined);
      dialog.showModal();
      focusPassword();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (!password) {
      setFieldError("Enter your account password.");
      focusPassword();
      return;
    }
    setBusy(true);
    setFieldError(undefined);
    setError(undefined);
    try {
      await onConfirm(password);
      setPassword("");
    } catch (failure) {
      const message = failureMessage(failure, failedMessage);
      if (failure instanceof ApiError && failure.code === "WRONG_PASSWORD") {
        setFieldError(message);
        setPassword("");
        focusPassword();
      } else setError(message);
    } finally {
      setBusy(false);
    }
  }

  function cancel() {
    setPassword("");
    onCancel();
  }

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) cancel();
      }}
    >
      <form onSubmit={(event) => void submit(event)} noValidate>
        <h2 id={titleId}>{title}</h2>
        <div className="dialog__body">
          {children}
          {error && <Alert tone="error">{error}</Alert>}
          {/* Only while open: a closed dialog keeps no password field on the page. */}
          {open && (
            <PasswordField
              label="Account password"
              hint="Profile locks always ask for it."
              autoComplete="current-password"
              required
              readOnly={busy}
              value={password}
              error={fieldError}
              onChange={(event) => setPassword(event.target.value)}
            />
          )}
        </div>
        <div className="dialog__actions">
          <button type="button" className="button button--secondary" onClick={cancel} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? busyLabel : confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
