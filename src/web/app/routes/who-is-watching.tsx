// "Who's watching?": the profile picker after sign-in. Choosing a profile remembers it for
// this device and opens its home; a locked profile (padlock) asks for its PIN first. Manage
// profiles adds, edits, locks and deletes them (not offered while watching as a Kids profile).
// Exit Kids leads here: leaving a Kids profile for an unlocked one may ask for the account password.
// A notice brought from the page before (a password reset, a verified email) is said on top.
import { Link, useNavigate } from "react-router";
import { Alert } from "../../components/ui/alert";
import { Avatar } from "../../components/ui/avatar";
import { LockIcon } from "../../features/profiles/components/lock-icon";
import { useChooseProfile } from "../../features/profiles/hooks/use-choose-profile";
import { useT } from "../../lib/i18n";
import { usePageNotice } from "../../lib/page-notice";
import { useKidsProfile, useSignedIn } from "../signed-in-data";

export default function WhoIsWatchingPage() {
  const t = useT();
  const { profiles } = useSignedIn();
  const kids = useKidsProfile();
  const navigate = useNavigate();
  const { choose, choosing, error, dialogs } = useChooseProfile(() => navigate("/browse"));
  const [notice] = usePageNotice();

  return (
    <div className="picker">
      <h1 className="picker__heading">{t("profiles.whoIsWatching.heading")}</h1>
      {notice && <Alert tone="info">{notice}</Alert>}
      {error && <Alert tone="error">{error}</Alert>}
      {profiles.length === 0 ? (
        <p className="empty">{t("profiles.whoIsWatching.empty")}</p>
      ) : (
        <ul className="picker__list">
          {profiles.map((profile) => (
            <li key={profile.id}>
              <button
                type="button"
                className="picker__profile"
                disabled={choosing !== undefined}
                aria-busy={choosing === profile.id}
                onClick={() => choose(profile)}
              >
                <Avatar avatar={profile.avatar} />
                <span className="picker__name">{profile.name}</span>
                {profile.locked && (
                  <span className="picker__lock">
                    <LockIcon label={t("profiles.whoIsWatching.locked")} />
                  </span>
                )}
                {profile.isKids && <span className="tag">{t("profiles.whoIsWatching.kids")}</span>}
                {choosing === profile.id && <span className="picker__opening">{t("profiles.whoIsWatching.opening")}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
      {!kids && (
        <Link className="button button--secondary picker__manage" to="/profiles/manage">
          {t("profiles.whoIsWatching.manage")}
        </Link>
      )}
      {dialogs}
    </div>
  );
}
