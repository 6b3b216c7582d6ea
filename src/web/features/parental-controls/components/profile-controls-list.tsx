// Account → Profile & Parental Controls: every profile of the household, each leading to its
// own controls (the maturity rating, blocked titles, lock and viewing activity), as the big
// services list them on their account page.
import { Link } from "react-router";
import type { PublicProfile } from "../../../../contract/schemas/profiles";
import { Avatar } from "../../../components/ui/avatar";
import { useT } from "../../../lib/i18n";
import { parentalControlsPath } from "../parental-controls-path";

export function ProfileControlsList({ profiles }: { profiles: PublicProfile[] }) {
  const t = useT();
  return (
    <section className="section" aria-labelledby="profile-parental-controls">
      <h2 id="profile-parental-controls">{t("profiles.profileControlsList.heading")}</h2>
      {profiles.map((profile) => (
        <div key={profile.id} className="row">
          <div className="row__value parental-row">
            <Avatar avatar={profile.avatar} size="small" />
            <span className="row__value">
              <span className="row__title">
                {profile.name}
                {profile.isKids && (
                  <>
                    {" "}
                    <span className="tag">{t("profiles.profileControlsList.kids")}</span>
                  </>
                )}
              </span>
              <span className="row__hint">
                {t(profile.locked ? "profiles.profileControlsList.settingsLocked" : "profiles.profileControlsList.settings")}
              </span>
            </span>
          </div>
          <div className="row__actions">
            <Link to={parentalControlsPath(profile.id)} aria-label={t("profiles.profileControlsList.openFor", { name: profile.name })}>
              {t("profiles.profileControlsList.open")}
            </Link>
          </div>
        </div>
      ))}
    </section>
  );
}
