// Remove phone number: a confirmation that asks for the current password first.
import { useEffect, useState, type FormEvent } from "react";
import { Alert } from "../../../components/ui/alert";
import { ConfirmDialog } from "../../../components/ui/confirm-dialog";
import { PasswordField } from "../../../components/ui/text-field";
import { ApiError, failureMessage } from "../../../lib/api-client";
import { removePhone } from "../api/phone";

export function RemovePhoneDialog({ open, onClose, onRemoved }: { open: boolean; onClose(): void; onRemoved(): void }) {
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [fieldError, setFieldError] = useState<string>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (open) return;
    setPassword("");
    setFieldError(undefined);
    setError(undefined);
  }, [open]);

  async function confirm(event?: FormEvent) {
    event?.preventDefault();
    if (!password) return setFieldError("Enter your current password.");
    setBusy(true);
    setFieldError(undefined);
    setError(undefined);
    try {
      await removePhone(password);
      setBusy(false);
      onRemoved();
    } catch (failure) {
      setBusy(false);
      const message = failureMessage(failure, "Your phone number couldn't be removed. Please try again.");
      if (failure instanceof ApiError && failure.code === "WRONG_PASSWORD") setFieldError(message);
      else setError(message);
    }
  }

  return (
    <ConfirmDialog
      open={open}
      title="Remove phone number?"
      confirmLabel="Remove"
      busyLabel="Removing…"
      busy={busy}
      onConfirm={() => void confirm()}
      onCancel={onClose}
    >
      <p>You won't get texts from Usher any more, and you can't use this number to get back into your account.</p>
      <form className="form" onSubmit={(event) => void confirm(event)} noValidate>
        <PasswordField
          label="Current password"
          autoComplete="current-password"
          required
          value={password}
          error={fieldError}
          onChange={(event) => setPassword(event.target.value)}
        />
      </form>
      {error && <Alert tone="error">{error}</Alert>}
    </ConfirmDialog>
  );
}
