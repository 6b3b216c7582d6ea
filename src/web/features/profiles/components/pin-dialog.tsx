// Asks for a profile's 4-digit PIN in a modal: to open a locked profile, or (the main
// profile's) to add a profile. A wrong PIN or the throttled state is said in the API's words,
// the field is emptied and focused again; while throttled, the button waits out the delay.
import { type ReactNode, useState } from "react";
import { useSubmission } from "../../../components/form/use-submission";
import { Alert } from "../../../components/ui/alert";
import { Dialog, DialogActions } from "../../../components/ui/dialog";
import { PinField, pinProblem } from "../../../components/ui/pin-field";
import { useT } from "../../../lib/i18n";

interface PinDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  pinLabel?: string;
  submitLabel: string;
  busyLabel: string;
  /** Resolves when the PIN was accepted (the caller then closes the dialog); throws the API's refusal. */
  onSubmit(pin: string): Promise<void>;
  onCancel(): void;
}

export function PinDialog({ open, title, children, pinLabel, submitLabel, busyLabel, onSubmit, onCancel }: PinDialogProps) {
  const t = useT();
  const [pin, setPin] = useState("");
  const check = useSubmission({ fallback: t("profiles.pinDialog.failed") });
  const focusPin = () => requestAnimationFrame(() => check.form.current?.querySelector("input")?.focus());

  async function submit() {
    if (check.pending || check.throttled) return;
    if (check.invalid({ form: pinProblem(pin) })) return focusPin();
    const outcome = await check.run(() => onSubmit(pin));
    if (outcome.ok) return;
    setPin("");
    focusPin();
  }

  return (
    <Dialog
      open={open}
      title={title}
      className="pin-dialog"
      busy={check.pending}
      onOpen={() => {
        // Opened afresh (perhaps for another profile): a wait still running is told again by the API.
        setPin("");
        check.reset();
        focusPin();
      }}
      onCancel={onCancel}
      onSubmit={() => void submit()}
      formRef={check.form}
    >
      <div className="dialog__body">
        {children}
        {check.errors.form && <Alert tone="error">{check.errors.form}</Alert>}
        {/* Read-only rather than disabled while checking: a disabled field would drop the focus. */}
        <PinField label={pinLabel ?? t("profiles.pinDialog.pin")} value={pin} onValueChange={setPin} readOnly={check.pending} />
      </div>
      <DialogActions label={submitLabel} busyLabel={busyLabel} busy={check.pending} disabled={check.throttled} onCancel={onCancel} />
    </Dialog>
  );
}
