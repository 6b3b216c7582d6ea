// The emailed link's page (`/reset-password#token=…`): the new password twice. Saving signs
// out every device, signs this one in, and goes on to "Who's watching?". A spent or expired
// link says so and leads to a new one.
import { useRef, useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router";
import { Alert } from "../../components/ui/alert";
import { PublicHeader } from "../../features/auth/components/public-header";
import { completePasswordReset } from "../../features/recovery/api/password-reset";
import { checkNewPassword, NEW_PASSWORD_CODES, NewPasswordFields } from "../../features/auth/components/new-password-fields";
import { takeLinkToken } from "../../features/recovery/link-token";
import { ApiError, failureMessage } from "../../lib/api-client";

type Errors = { next?: string; confirm?: string; form?: string };

export default function ResetPasswordPage() {
  const navigate = useNavigate();
  // Read once: the token leaves the address bar as soon as the page has it.
  const [token] = useState(takeLinkToken);
  const [next, setNext] = useState("");
  const [confirm, setConfirm] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [deadLink, setDeadLink] = useState<string>();
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  function show(found: Errors) {
    setErrors(found);
    const first = (["next", "confirm"] as const).find((field) => found[field]);
    if (first) form.current?.querySelector<HTMLInputElement>(`[name="${first}"]`)?.focus();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = checkNewPassword(next, confirm);
    if (Object.keys(found).length > 0) return show(found);
    setBusy(true);
    setErrors({});
    try {
      await completePasswordReset({ token: token! }, next);
      navigate("/profiles", { replace: true });
    } catch (failure) {
      setBusy(false);
      const message = failureMessage(failure, "Your password couldn't be set. Please try again.");
      const failed = failure instanceof ApiError ? failure.code : undefined;
      if (failed === "LINK_EXPIRED" || failed === "LINK_INVALID") setDeadLink(message);
      else if (failed && NEW_PASSWORD_CODES.has(failed)) show({ next: message });
      else show({ form: message });
    }
  }

  const broken = !token ? "This link is not complete. Open the link from the email again, or ask for a new one." : deadLink;

  return (
    <>
      <PublicHeader show="sign-in" />
      <main id="main" className="page page--narrow">
        <div className="card">
          <h1>Set a new password</h1>
          {broken ? (
            <>
              <Alert tone="error">{broken}</Alert>
              <p className="form-footer">
                <Link className="button button--primary" to="/forgot-password">
                  Get a new link
                </Link>
              </p>
            </>
          ) : (
            <>
              <p className="sign-up__lead">Saving your new password signs out every device on your account and signs you in here.</p>
              <form ref={form} className="form" onSubmit={submit} noValidate>
                {errors.form && <Alert tone="error">{errors.form}</Alert>}
                <NewPasswordFields next={next} confirm={confirm} errors={errors} hints={[]} onNext={setNext} onConfirm={setConfirm} />
                <button className="button button--primary button--block" type="submit" disabled={busy}>
                  {busy ? "Saving…" : "Save"}
                </button>
              </form>
            </>
          )}
        </div>
      </main>
    </>
  );
}
