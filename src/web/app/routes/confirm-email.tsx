// The change-email link (`/confirm-email#token=…`), opened from the new address's inbox: makes
// it the account's email on opening, then says so. The old address gets a notice.
import { Link } from "react-router";
import { PublicHeader } from "../../features/auth/components/public-header";
import { confirmEmailChange } from "../../features/recovery/api/email";
import { LinkResult } from "../../features/recovery/components/link-result";
import { Message, useT } from "../../lib/i18n";

export default function ConfirmEmailPage() {
  const t = useT();
  return (
    <>
      <PublicHeader show="both" />
      <main id="main" className="page page--narrow">
        <div className="card link-page">
          <h1>{t("auth.confirmEmail.title")}</h1>
          <LinkResult
            redeem={confirmEmailChange}
            working={t("auth.confirmEmail.working")}
            done={({ email }) => (
              <Message id="auth.confirmEmail.confirmed" values={{ email }} components={{ 0: <strong className="break-anywhere" /> }} />
            )}
            failed={() => <p>{t("auth.confirmEmail.failedHelp")}</p>}
          />
          <p className="form-footer">
            <Link className="button button--primary" to="/account">
              {t("auth.confirmEmail.toAccount")}
            </Link>
          </p>
        </div>
      </main>
    </>
  );
}
