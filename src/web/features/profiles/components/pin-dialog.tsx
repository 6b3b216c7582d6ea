// Asks for a profile's 4-digit PIN in a modal: to open a locked profile, or (the main
// profile's) to add a profile. A wrong PIN or the throttled state is said in the API's words,
// the field is emptied and focused again; while throttled, the button waits out the delay.
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from "react";
import { Alert } from "../../../components/ui/alert";
import { PinField, pinProblem } from "../../../components/ui/pin-field";
import { ApiError, failureMessage } from "../../../lib/api-client";

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

export function PinDialog({ open, title, children, pinLabel = "PIN", submitLabel, busyLabel, onSubmit, onCancel }: PinDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [pin, setPin] = useState("");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [throttled, setThrottled] = useState(false);
  const throttleTimer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const focusPin = () => requestAnimationFrame(() => ref.current?.querySelector("input")?.focus());

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setPin("");
      setError(undefined);
      // Opened afresh (perhaps for another profile): a wait still running is told again by the API.
      clearTimeout(throttleTimer.current);
      setThrottled(false);
      dialog.showModal();
      focusPin();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  useEffect(() => () => clearTimeout(throttleTimer.current), []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy || throttled) return;
    const problem = pinProblem(pin);
    if (problem) {
      setError(problem);
      focusPin();
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await onSubmit(pin);
    } catch (failure) {
      setError(failureMessage(failure, "That didn't work. Please try again."));
      setPin("");
      if (failure instanceof ApiError && failure.code === "RATE_LIMITED" && failure.retryAfterSec) {
        setThrottled(true);
        clearTimeout(throttleTimer.current);
        throttleTimer.current = setTimeout(() => setThrottled(false), failure.retryAfterSec * 1000);
      }
      focusPin();
    } finally {
      setBusy(false);
    }
  }

  return (
    <dialog
      ref={ref}
      className="dialog pin-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <form onSubmit={(event) => void submit(event)} noValidate>
        <h2 id={titleId}>{title}</h2>
        <div className="dialog__body">
          {children}
          {error && <Alert tone="error">{error}</Alert>}
          {/* Read-only rather than disabled while checking: a disabled field would drop the focus. */}
          <PinField label={pinLabel} value={pin} onValueChange={setPin} readOnly={busy} />
        </div>
        <div className="dialog__actions">
          <button type="button" className="button button--secondary" onClick={onCancel} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={busy || throttled}>
            {busy ? busyLabel : submitLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
