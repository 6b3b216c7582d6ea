// A modal confirmation: what will happen, Cancel, and the action's button. Opening it focuses
// the first control: Cancel when the text holds none, so Enter doesn't confirm by accident.
// The action runs as a Submission: a refusal is said in the dialog, which stays open, and a
// dialog opened again starts afresh.
import type { ReactNode } from "react";
import { useSubmission } from "../form/use-submission";
import { Alert } from "./alert";
import { Dialog, DialogActions } from "./dialog";

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** What the confirm button says while the action runs. */
  busyLabel: string;
  /** Said when the action fails without words of its own. */
  failed: string;
  /** Resolves once done (the caller then closes the dialog, or leaves the page); throws a refusal to say here. */
  onConfirm(): Promise<unknown>;
  onCancel(): void;
  /** Deleting or removing something: a danger-styled button (see DialogActions). */
  destructive?: boolean;
}

export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  busyLabel,
  failed,
  onConfirm,
  onCancel,
  destructive,
}: ConfirmDialogProps) {
  const action = useSubmission({ fallback: failed });
  return (
    <Dialog open={open} title={title} busy={action.pending} onOpen={action.reset} onCancel={onCancel}>
      <div className="dialog__body">
        {children}
        {action.errors.form && <Alert tone="error">{action.errors.form}</Alert>}
      </div>
      <DialogActions
        label={confirmLabel}
        busyLabel={busyLabel}
        busy={action.pending}
        onCancel={onCancel}
        onConfirm={() => void action.run(onConfirm)}
        destructive={destructive}
      />
    </Dialog>
  );
}
