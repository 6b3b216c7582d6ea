// My Usher, the phone layout's tab: who is watching, and the three-line menu that leads to
// Account, the profiles and Sign out (on a Kids profile, not to Account or Manage profiles).
// Switching to a locked profile asks for its PIN first.
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { Alert } from "../../components/ui/alert";
import { Avatar } from "../../components/ui/avatar";
import { LockIcon } from "../../features/profiles/components/lock-icon";
import { useChooseProfile } from "../../features/profiles/hooks/use-choose-profile";
import { MyUsherMenu } from "../../features/session/components/my-usher-menu";
import { SignOutDialog } from "../../features/session/components/sign-out-dialog";
import { useKidsProfile, useSignedIn } from "../signed-in-data";

export default function MyUsherPage() {
  const { me, profiles } = useSignedIn();
  const kids = useKidsProfile();
  const navigate = useNavigate();
  const [signingOut, setSigningOut] = useState(false);
  const { choose, choosing: switching, error, pinDialog } = useChooseProfile(() => navigate("/browse"));
  const profile = me.profile;
  const others = profiles.filter((candidate) => candidate.id !== profile?.id);

  return (
    <div className="my-usher">
      <div className="my-usher__header">
        <h1>My Usher</h1>
        <MyUsherMenu kidsProfile={kids} onSignOut={() => setSigningOut(true)} />
      </div>
      <section className="my-usher__profile" aria-labelledby="my-usher-profile">
        {profile ? (
          <>
            <Avatar avatar={profile.avatar} name={profile.name} />
            <div>
              <h2 id="my-usher-profile">{profile.name}</h2>
              <p className="my-usher__email">{me.account.email}</p>
              <Link to="/profiles">Switch profile</Link>
            </div>
          </>
        ) : (
          <div>
            <h2 id="my-usher-profile">No profile chosen</h2>
            <p className="my-usher__email">{me.account.email}</p>
            <Link className="button button--primary" to="/profiles">
              Choose a profile
            </Link>
          </div>
        )}
      </section>
      {others.length > 0 && (
        <section className="my-usher__others" aria-labelledby="my-usher-others">
          <h2 id="my-usher-others">Switch to another profile</h2>
          {error && <Alert tone="error">{error}</Alert>}
          <ul className="my-usher__list">
            {others.map((other) => (
              <li key={other.id}>
                <button type="button" className="my-usher__switch" disabled={switching !== undefined} onClick={() => choose(other)}>
                  <Avatar avatar={other.avatar} name={other.name} size="small" />
                  <span>{switching === other.id ? `Switching to ${other.name}…` : other.name}</span>
                  {other.locked && <LockIcon label="Locked" />}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {pinDialog}
      <SignOutDialog scope={signingOut ? "this-device" : undefined} onClose={() => setSigningOut(false)} />
    </div>
  );
}
