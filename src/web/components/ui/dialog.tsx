// A modal built on <dialog>: shown while `open` (focus moves in, the page behind is inert),
// Escape cancels unless something is under way, and focus returns where it was on closing.
// With `onSubmit` its content is a form, so Enter sends it.
import { type ReactNode, type RefObject, useEffect, useId, useRef } from "react";
import { useT } from "../../lib/i18n";

interface DialogProps {
  open: boolean;
  title: string;
  /** While true, Escape leaves the dialog open. */
  busy?: boolean;
  /** Each opening starts afresh: runs just before the dialog shows. */
  onOpen?(): void;
  onCancel(): void;
  onSubmit?(): void;
  formRef?: RefObject<HTMLFormElement | null>;
  formClassName?: string;
  className?: string;
  children: ReactNode;
}

export function Dialog({ open, title, busy, onOpen, onCancel, onSubmit, formRef, formClassName, className, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  // Several dialogs can share a page (the profile menu's and the account page's).
  const titleId = useId();
  const opening = useRef(onOpen);
  opening.current = onOpen;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opening.current?.();
      dialog.showModal();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className={className ? `dialog ${className}` : "dialog"}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {onSubmit ? (
        <form
          ref={formRef}
          className={formClassName}
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            onSubmit();
          }}
        >
          {children}
        </form>
      ) : (
        children
      )}
    </dialog>
  );
}

interface DialogActionsProps {
  label: string;
  busyLabel: string;
  busy: boolean;
  /** Beyond `busy`: a throttled request's wait, say. */
  disabled?: boolean;
  onCancel(): void;
  /** For a dialog that isn't a form: the action, run by its button instead of a submit. */
  onConfirm?(): void;
  /** An action that takes something away (delete, remove): its button looks it, not like the page's main action. */
  destructive?: boolean | undefined;
}

export function DialogActions({ label, busyLabel, busy, disabled, onCancel, onConfirm, destructive }: DialogActionsProps) {
  const t = useT();
  return (
    <div className="dialog__actions">
      <button type="button" className="button button--secondary" onClick={onCancel} disabled={busy}>
        {t("common.dialog.cancel")}
      </button>
      <button
        type={onConfirm ? "button" : "submit"}
        className={`button ${destructive ? "button--danger" : "button--primary"}`}
        onClick={onConfirm}
        disabled={busy || disabled}
      >
        {busy ? busyLabel : label}
      </button>
    </div>
  );
}
