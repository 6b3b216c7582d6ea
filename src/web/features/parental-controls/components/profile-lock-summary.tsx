// Profile & Parental Controls → Profile lock: whether opening the profile needs its PIN. The
// PIN itself is set, changed or removed in Manage profiles → Profile lock, which asks for the
// account password there.
import { Link } from "react-router";
import { useT } from "../../../lib/i18n";

export function ProfileLockSummary({ profileName, locked }: { profileName: string; locked: boolean }) {
  const t = useT();
  return (
    <>
      <p className="parental__lead">
        {t(locked ? "profiles.profileLockSummary.on" : "profiles.profileLockSummary.off", { name: profileName })}
      </p>
      <div className="form__actions">
        <Link className="button button--secondary" to="/profiles/manage">
          {t("profiles.profileLockSummary.change")}
        </Link>
      </div>
    </>
  );
}
