// My Usher, the phone layout's tab, as a streaming app's: who is watching with the other
// profiles a tap away, shortcuts to signing in on a TV, the devices, security and the account,
// and the three-line menu that leads to Account, the profiles and Sign out. On a Kids profile
// neither the shortcuts nor Account and Manage profiles are there, nor the other profiles: its
// one way out is Exit Kids, to Who's watching? (where leaving may take a PIN or the account
// password). Switching to a locked profile asks for its PIN first.
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { Alert } from "../../components/ui/alert";
import { Avatar } from "../../components/ui/avatar";
import { LockIcon } from "../../features/profiles/components/lock-icon";
import { useChooseProfile } from "../../features/profiles/hooks/use-choose-profile";
import { MyUsherMenu } from "../../features/session/components/my-usher-menu";
import { SignOutDialog } from "../../features/session/components/sign-out-dialog";
import { type MessageId, useT } from "../../lib/i18n";
import { useKidsProfile, useSignedIn } from "../signed-in-data";

/** Where a phone's account tab goes most: the ways a member keeps the account safe. */
const shortcuts: readonly { to: string; label: MessageId; hint: MessageId }[] = [
  { to: "/tv", label: "profiles.myUsher.tv", hint: "profiles.myUsher.tvHint" },
  { to: "/account/devices", label: "profiles.myUsher.devices", hint: "profiles.myUsher.devicesHint" },
  { to: "/secure-account", label: "profiles.myUsher.security", hint: "profiles.myUsher.securityHint" },
  { to: "/account", label: "profiles.myUsher.account", hint: "profiles.myUsher.accountHint" },
];

export default function MyUsherPage() {
  const t = useT();
  const { me, profiles } = useSignedIn();
  const kids = useKidsProfile();
  const navigate = useNavigate();
  const [signingOut, setSigningOut] = useState(false);
  const { choose, choosing: switching, error, dialogs } = useChooseProfile(() => navigate("/browse"));
  const profile = me.profile;
  // A Kids profile has no other profile a tap away: Exit Kids is its way out.
  const others = kids ? [] : profiles.filter((candidate) => candidate.id !== profile?.id);

  return (
    <div className="my-usher">
      <div className="my-usher__header">
        <h1>{t("profiles.myUsher.heading")}</h1>
        <MyUsherMenu kidsProfile={kids} onSignOut={() => setSigningOut(true)} />
      </div>
      <section className="my-usher__profile" aria-labelledby="my-usher-profile">
        {profile ? (
          <>
            <Avatar avatar={profile.avatar} />
            <div>
              <h2 id="my-usher-profile">{profile.name}</h2>
              <p className="my-usher__email">{me.account.email}</p>
              <Link to="/profiles">{t(kids ? "profiles.myUsher.exitKids" : "profiles.myUsher.switchProfile")}</Link>
            </div>
          </>
        ) : (
          <div>
            <h2 id="my-usher-profile">{t("profiles.myUsher.noProfile")}</h2>
            <p className="my-usher__email">{me.account.email}</p>
            <Link className="button button--primary" to="/profiles">
              {t("profiles.myUsher.chooseProfile")}
            </Link>
          </div>
        )}
      </section>
      {others.length > 0 && (
        <section className="my-usher__others" aria-labelledby="my-usher-others">
          <h2 id="my-usher-others">{t("profiles.myUsher.others")}</h2>
          {error && <Alert tone="error">{error}</Alert>}
          <ul className="my-usher__list">
            {others.map((other) => (
              <li key={other.id}>
                <button type="button" className="my-usher__switch" disabled={switching !== undefined} onClick={() => choose(other)}>
                  <Avatar avatar={other.avatar} size="small" />
                  <span>{switching === other.id ? t("profiles.myUsher.switching", { name: other.name }) : other.name}</span>
                  {other.locked && <LockIcon label={t("profiles.myUsher.locked")} />}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {!kids && (
        <section className="my-usher__shortcuts" aria-label={t("profiles.myUsher.shortcuts")}>
          <ul className="my-usher__shortcut-list">
            {shortcuts.map((shortcut) => (
              <li key={shortcut.to}>
                <Link className="my-usher__shortcut" to={shortcut.to}>
                  <strong>{t(shortcut.label)}</strong>
                  <span>{t(shortcut.hint)}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      {dialogs}
      <SignOutDialog scope={signingOut ? "this-device" : undefined} onClose={() => setSigningOut(false)} />
    </div>
  );
}
