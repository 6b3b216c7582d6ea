// The last step of Delete account: a box to tick ("I understand…") and the destructive button.
// Unticked, the page says so at the box; a refusal (no connection, …) is said above the form.
import { useId, useState } from "react";
import { Link } from "react-router";
import { Form } from "../../../components/form/form";
import { useSubmission } from "../../../components/form/use-submission";
import { Checkbox } from "../../../components/ui/checkbox";
import { useT } from "../../../lib/i18n";
import { deleteAccount } from "../api/account-data";

/** `onDeleted` leaves the page (this browser is signed out by then). */
export function DeleteAccountForm({ onDeleted }: { onDeleted(): unknown }) {
  const t = useT();
  const errorId = useId();
  const [understood, setUnderstood] = useState(false);
  const deleting = useSubmission<"understood">({ fallback: t("account.deleteAccountForm.failed") });

  function submit() {
    if (deleting.invalid({ understood: understood ? undefined : t("account.deleteAccountForm.understoodMissing") })) return;
    void deleting.run(async () => {
      await deleteAccount();
      await onDeleted();
    });
  }

  return (
    <Form submission={deleting} onSubmit={submit}>
      <div>
        <Checkbox
          label={t("account.deleteAccountForm.understood")}
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
          {deleting.pending ? t("account.deleteAccountForm.deleting") : t("account.deleteAccountForm.submit")}
        </button>
        <Link className="button button--secondary" to="/account">
          {t("account.deleteAccountForm.cancel")}
        </Link>
      </div>
    </Form>
  );
}
