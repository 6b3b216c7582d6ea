// The last step of Delete account: a box to tick ("I understand…") and the destructive button.
// Unticked, the page says so at the box; a refusal (no connection, …) is said above the form.
import { useId, useState } from "react";
import { Link } from "react-router";
import { Form } from "../../../components/form/form";
import { useSubmission } from "../../../components/form/use-submission";
import { Checkbox } from "../../../components/ui/checkbox";
import { deleteAccount } from "../api/account-data";

export const UNDERSTOOD = "I understand that deleting my account can't be undone";

/** `onDeleted` leaves the page (this browser is signed out by then). */
export function DeleteAccountForm({ onDeleted }: { onDeleted(): unknown }) {
  const errorId = useId();
  const [understood, setUnderstood] = useState(false);
  const deleting = useSubmission<"understood">({ fallback: "Your account couldn't be deleted. Please try again." });

  function submit() {
    if (deleting.invalid({ understood: understood ? undefined : "Tick the box to confirm that you understand." })) return;
    void deleting.run(async () => {
      await deleteAccount();
      await onDeleted();
    });
  }

  return (
    <Form submission={deleting} onSubmit={submit}>
      <div>
        <Checkbox
          label={UNDERSTOOD}
          name="understood"
          checked={understood}
          aria-invalid={deleting.errors.understood ? true : undefined}
          aria-describedby={deleting.errors.understood ? errorId : undefined}
          onChange={(event) => {
            setUnderstood(event.target.checked);
            deleting.forget("understood");
          }}
        />
        {deleting.errors.understood && (
          <p className="field__error" id={errorId}>
            {deleting.errors.understood}
          </p>
        )}
      </div>
      <div className="form__actions">
        <button className="button button--danger" type="submit" disabled={deleting.pending}>
          {deleting.pending ? "Deleting your account…" : "Delete account"}
        </button>
        <Link className="button button--secondary" to="/account">
          Cancel
        </Link>
      </div>
    </Form>
  );
}
