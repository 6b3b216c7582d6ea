// What a Kids profile sees instead of a page it may not open (the account, devices, security,
// profile settings, TV approval), reached by a bookmark or a typed address: a plain word and
// the way to a grown-up's profile (Exit Kids, to Who's watching?), rather than an error the API
// would give.
import { Link } from "react-router";
import { useT } from "../../lib/i18n";

export function NotOnKidsProfile() {
  const t = useT();
  return (
    <div className="card kids-closed">
      <h1>{t("common.notOnKidsProfile.title")}</h1>
      <p>{t("common.notOnKidsProfile.body")}</p>
      <div className="kids-closed__actions">
        <Link className="button button--primary" to="/profiles">
          {t("common.notOnKidsProfile.exitKids")}
        </Link>
        <Link className="button button--secondary" to="/browse">
          {t("common.notOnKidsProfile.backToHome")}
        </Link>
      </div>
    </div>
  );
}
