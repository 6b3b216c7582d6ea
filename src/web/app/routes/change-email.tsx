// Change email (Membership & Billing): the new address and the current password, then "check
// your new inbox"; the change happens when the link there is opened.
import { useState } from "react";
import { Link } from "react-router";
import { Alert } from "../../components/ui/alert";
import { ChangeEmailForm } from "../../features/recovery/components/change-email-form";
import { Message, useT } from "../../lib/i18n";

export default function ChangeEmailPage() {
  const t = useT();
  const [sentTo, setSentTo] = useState<string>();
  return (
    <div className="subpage">
      <Link className="back-link" to="/account">
        {t("account.changeEmail.back")}
      </Link>
      <h1>{t("account.changeEmail.title")}</h1>
      {sentTo ? (
        <div className="card">
          <h2 className="verify__title">{t("account.changeEmail.sentTitle")}</h2>
          <Alert tone="success">
            <Message id="account.changeEmail.sent" values={{ email: sentTo }} components={{ 0: <strong className="break-anywhere" /> }} />
          </Alert>
          <p className="form-footer">
            <Link to="/account">{t("account.changeEmail.backToAccount")}</Link>
          </p>
        </div>
      ) : (
        <>
          <p className="subpage__lead">{t("account.changeEmail.lead")}</p>
          <div className="card">
            <ChangeEmailForm onSent={setSentTo} />
          </div>
        </>
      )}
    </div>
  );
}
