// Security & Privacy: two-step verification and passkeys (rows the page hands in), sign out
// of all devices, the list of devices signed in, account activity, and the account's data:
// download a copy, or delete the account.
import type { ReactNode } from "react";
import { Link } from "react-router";
import { useT } from "../../../lib/i18n";

export function SecurityPrivacy({ factorRows, onSignOutOfAllDevices }: { factorRows?: ReactNode; onSignOutOfAllDevices(): void }) {
  const t = useT();
  return (
    <section className="section" aria-labelledby="security-privacy">
      <h2 id="security-privacy">{t("account.security.title")}</h2>
      {factorRows}
      <div className="row">
        <div className="row__value">
          <span className="row__title">{t("account.security.devicesTitle")}</span>
          <span className="row__hint">{t("account.security.devicesHint")}</span>
        </div>
        <div className="row__actions">
          <Link to="/account/devices">{t("account.security.devicesLink")}</Link>
        </div>
      </div>
      <div className="row">
        <div className="row__value">
          <span className="row__title">{t("account.security.activity")}</span>
          <span className="row__hint">{t("account.security.activityHint")}</span>
        </div>
        <div className="row__actions">
          <Link to="/account/activity">{t("account.security.activity")}</Link>
        </div>
      </div>
      <div className="row">
        <div className="row__value">
          <span className="row__title">{t("account.security.signedInTitle")}</span>
          <span className="row__hint">{t("account.security.signedInHint")}</span>
        </div>
        <div className="row__actions">
          <button type="button" className="button button--secondary" onClick={onSignOutOfAllDevices}>
            {t("account.security.signOutAll")}
          </button>
        </div>
      </div>
      <div className="row">
        <div className="row__value">
          <span className="row__title">{t("account.security.dataTitle")}</span>
          <span className="row__hint">{t("account.security.dataHint")}</span>
        </div>
        <div className="row__actions">
          <Link to="/account/data">{t("account.security.dataLink")}</Link>
        </div>
      </div>
      <div className="row">
        <div className="row__value">
          <span className="row__title">{t("account.security.delete")}</span>
          <span className="row__hint">{t("account.security.deleteHint")}</span>
        </div>
        <div className="row__actions">
          <Link to="/account/delete">{t("account.security.delete")}</Link>
        </div>
      </div>
    </section>
  );
}
