// The emailed link's page (`/reset-password#token=…`): the new password twice. Saving signs
// out every device, signs this one in, and goes on to "Who's watching?", which says so. A
// spent or expired link says so and leads to a new one.
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { Form } from "../../components/form/form";
import { checkNewPassword, NEW_PASSWORD_REFUSALS, NewPasswordFields } from "../../components/form/new-password-fields";
import { useSubmission } from "../../components/form/use-submission";
import { Alert } from "../../components/ui/alert";
import { PublicHeader } from "../../features/auth/components/public-header";
import { toProfilesAfterReset } from "../../features/recovery/after-reset";
import { completePasswordReset } from "../../features/recovery/api/password-reset";
import { takeLinkToken } from "../../features/recovery/link-token";
import { useT } from "../../lib/i18n";

export default function ResetPasswordPage() {
  const t = useT();
  const navigate = useNavigate();
  // Read once: the token leaves the address bar as soon as the page has it.
  const [token] = useState(takeLinkToken);
  const [next, setNext] = useState("");
  const [confirm, setConfirm] = useState("");
  const [deadLink, setDeadLink] = useState<string>();
  // A spent or expired link is said instead of the form, with the way to a new one.
  const save = useSubmission<"next" | "confirm">({
    fallback: t("auth.resetPassword.failed"),
    at: { LINK_EXPIRED: null, LINK_INVALID: null, ...NEW_PASSWORD_REFUSALS },
  });

  async function submit() {
    if (save.invalid(checkNewPassword(next, confirm))) return;
    const saved = await save.run(async () => {
      await completePasswordReset({ token: token! }, next);
      await toProfilesAfterReset(navigate);
    });
    if (!saved.ok && (saved.code === "LINK_EXPIRED" || saved.code === "LINK_INVALID")) setDeadLink(saved.message);
  }

  const broken = !token ? t("auth.resetPassword.incomplete") : deadLink;

  return (
    <>
      <PublicHeader show="sign-in" />
      <main id="main" className="page page--narrow">
        <div className="card">
          <h1>{t("auth.resetPassword.title")}</h1>
          {broken ? (
            <>
              <Alert tone="error">{broken}</Alert>
              <p className="form-footer">
                <Link className="button button--primary" to="/forgot-password">
                  {t("auth.resetPassword.newLink")}
                </Link>
              </p>
            </>
          ) : (
            <>
              <p className="sign-up__lead">{t("auth.resetPassword.lead")}</p>
              <Form submission={save} onSubmit={() => void submit()}>
                <NewPasswordFields next={next} confirm={confirm} errors={save.errors} hints={[]} onNext={setNext} onConfirm={setConfirm} />
                <button className="button button--primary button--block" type="submit" disabled={save.pending}>
                  {save.pending ? t("auth.resetPassword.saving") : t("auth.resetPassword.save")}
                </button>
              </Form>
            </>
          )}
        </div>
      </main>
    </>
  );
}
