// Membership & Billing: email, plan (with Change plan), password (with Change password), the
// language and time zone of emails and texts, and the phone row, which the page hands in (it
// belongs to the phone feature).
import type { ReactNode } from "react";
import { Link } from "react-router";
import { languageNames } from "../../../../contract/languages";
import { useT } from "../../../lib/i18n";
import type { AccountDetails } from "../api/get-account";
import { lastChanged, monthAndYear } from "../format-dates";
import { planName } from "../plan-name";
import { timeZoneName } from "../time-zones";

export function MembershipBilling({ account, phoneRow }: { account: AccountDetails; phoneRow: ReactNode }) {
  const t = useT();
  return (
    <section className="section" aria-labelledby="membership-billing">
      <h2 id="membership-billing">{t("account.membership.title")}</h2>
      <p className="section__meta">{t("account.membership.memberSince", { date: monthAndYear(account.memberSince) })}</p>
      <div className="row">
        <div className="row__value">
          <span className="row__label">{t("account.membership.email")}</span>
          <span className="account__email">{account.email}</span>
          {!account.emailVerified && <span className="row__hint">{t("account.membership.emailNotVerified")}</span>}
        </div>
        <div className="row__actions">
          <Link to="/account/email">{t("account.membership.changeEmail")}</Link>
        </div>
      </div>
      <div className="row">
        <div className="row__value">
          <span className="row__label">{t("account.membership.plan")}</span>
          <span>{t("account.membership.planValue", { plan: planName(account.plan), screens: account.screens })}</span>
        </div>
        <div className="row__actions">
          <Link to="/account/plan">{t("account.membership.changePlan")}</Link>
        </div>
      </div>
      <div className="row">
        <div className="row__value">
          <span className="row__label">{t("account.membership.password")}</span>
          <span>
            <span className="account__dots" aria-hidden="true">
              ••••••••
            </span>
            <span className="visually-hidden">{t("account.membership.passwordHidden")}</span>
          </span>
          <span className="row__hint">{lastChanged(account.passwordChangedAt)}</span>
        </div>
        <div className="row__actions">
          <Link to="/account/password">{t("account.membership.changePassword")}</Link>
        </div>
      </div>
      <div className="row">
        <div className="row__value">
          <span className="row__label">{t("account.membership.emailsAndTexts")}</span>
          <span>
            {t("account.membership.languageValue", { language: languageNames[account.language], zone: timeZoneName(account.timeZone) })}
          </span>
        </div>
        <div className="row__actions">
          <Link to="/account/language">{t("account.membership.changeLanguage")}</Link>
        </div>
      </div>
      {phoneRow}
    </section>
  );
}
