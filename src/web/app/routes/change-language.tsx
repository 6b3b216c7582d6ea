// Language and time zone (Membership & Billing): what the account's emails and texts are written
// in and the time zone they give times in; back to the account page with a notice once saved.
// Each profile's display language is in its Profile & Parental Controls.
import { Link, useLoaderData, useNavigate, useRevalidator } from "react-router";
import { languageNames } from "../../../contract/languages";
import { LoadFailed } from "../../components/ui/load-failed";
import { backToAccount } from "../../features/account/account-notice";
import { getAccount } from "../../features/account/api/get-account";
import { LanguageSettingsForm } from "../../features/account/components/language-settings-form";
import { timeZoneName } from "../../features/account/time-zones";
import { t, useT } from "../../lib/i18n";
import { loaded } from "../../lib/loaded";

export const loader = async () => ({ account: await loaded(getAccount(), "account.changeLanguage.loadFailed") });

export default function ChangeLanguagePage() {
  const t = useT();
  const navigate = useNavigate();
  const revalidator = useRevalidator();
  const { account } = useLoaderData<typeof loader>();
  return (
    <div className="subpage">
      <Link className="back-link" to="/account">
        {t("account.changeLanguage.back")}
      </Link>
      <h1>{t("account.changeLanguage.title")}</h1>
      {account.ok ? (
        <>
          <p className="subpage__lead">{t("account.changeLanguage.lead")}</p>
          <div className="card">
            <LanguageSettingsForm
              current={{ language: account.data.language, timeZone: account.data.timeZone }}
              onChanged={(saved) => backToAccount(navigate, changedNotice(saved.language, saved.timeZone))}
            />
          </div>
        </>
      ) : (
        <LoadFailed className="account__failed" message={account.message} onRetry={() => void revalidator.revalidate()} />
      )}
    </div>
  );
}

const changedNotice = (language: keyof typeof languageNames, timeZone: string) =>
  t("account.changeLanguage.changed", { language: languageNames[language], zone: timeZoneName(timeZone) });
