// A confirmation that takes the account password first (removing a profile's lock or the phone
// number). A wrong password is said at the field, which is emptied and gets the keyboard again;
// any other refusal is said above it. The password is kept only while the dialog is open.
import { type ReactNode, useState } from "react";
import { useSubmission } from "../form/use-submission";
import { Alert } from "./alert";
import { Dialog, DialogActions } from "./dialog";
import { PasswordField } from "./text-field";

interface PasswordDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  label: string;
  hint?: string;
  /** Said when Confirm is pressed with the field empty. */
  missing: string;
  confirmLabel: string;
  busyLabel: string;
  /** Said when the change fails without words of its own (the connection dropped). */
  failed: string;
  /** Resolves once the change is made (the caller then closes the dialog); throws the API's refusal. */
  onConfirm(password: string): Promise<unknown>;
  onCancel(): void;
  /** Removing something: a danger-styled button (see DialogActions). */
  destructive?: boolean;
}

export function PasswordDialog({
  open,
  title,
  children,
  label,
  hint,
  missing,
  confirmLabel,
  busyLabel,
  failed,
  onConfirm,
  onCancel,
  destructive,
}: PasswordDialogProps) {
  const [password, setPassword] = useState("");
  const change = useSubmission<"password">({ fallback: failed, at: { WRONG_PASSWORD: "password" } });
  const focusPassword = () => requestAnimationFrame(() => change.form.current?.querySelector<HTMLInputElement>("input")?.focus());

  async function submit() {
    if (change.pending || change.invalid({ password: password ? undefined : missing })) return;
    const outcome = await change.run(() => onConfirm(password));
    if (outcome.ok || outcome.code === "WRONG_PASSWORD") setPassword("");
  }

  function cancel() {
    setPassword("");
    onCancel();
  }

  return (
    <Dialog
      open={open}
      title={title}
      busy={change.pending}
      onOpen={() => {
        setPassword("");
        change.reset();
        focusPassword();
      }}
      onCancel={cancel}
      onSubmit={() => void submit()}
      formRef={change.form}
    >
      <div className="dialog__body">
        {children}
        {change.errors.form && <Alert tone="error">{change.errors.form}</Alert>}
        {/* Only while open: a closed dialog keeps no password field on the page. */}
        {open && (
          <PasswordField
            label={label}
            hint={hint}
            autoComplete="current-password"
            required
            readOnly={change.pending}
            value={password}
            error={change.errors.password}
            onChange={(event) => setPassword(event.target.value)}
          />
        )}
      </div>
      <DialogActions label={confirmLabel} busyLabel={busyLabel} busy={change.pending} onCancel={cancel} destructive={destructive} />
    </Dialog>
  );
}
