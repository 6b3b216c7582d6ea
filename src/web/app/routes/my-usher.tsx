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
import { useKidsProfile, useSignedIn } from "../signed-in-data";

/** Where a phone's account tab goes most: the ways a member keeps the account safe. */
const shortcuts = [
  { to: "/tv", label: "Sign in on a TV", hint: "Enter the code your TV shows." },
  { to: "/account/devices", label: "Devices", hint: "See where you're signed in, and sign a device out." },
  { to: "/secure-account", label: "Security", hint: "Password, two-step verification and passkeys." },
  { to: "/account", label: "Account", hint: "Membership, email and phone number." },
] as const;

export default function MyUsherPage() {
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
        <h1>My Usher</h1>
        <MyUsherMenu kidsProfile={kids} onSignOut={() => setSigningOut(true)} />
      </div>
      <section className="my-usher__profile" aria-labelledby="my-usher-profile">
        {profile ? (
          <>
            <Avatar avatar={profile.avatar} />
            <div>
              <h2 id="my-usher-profile">{profile.name}</h2>
              <p className="my-usher__email">{me.account.email}</p>
              <Link to="/profiles">{kids ? "Exit Kids" : "Switch profile"}</Link>
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
                  <Avatar avatar={other.avatar} size="small" />
                  <span>{switching === other.id ? `Switching to ${other.name}…` : other.name}</span>
                  {other.locked && <LockIcon label="Locked" />}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {!kids && (
        <section className="my-usher__shortcuts" aria-label="Shortcuts">
          <ul className="my-usher__shortcut-list">
            {shortcuts.map((shortcut) => (
              <li key={shortcut.to}>
                <Link className="my-usher__shortcut" to={shortcut.to}>
                  <strong>{shortcut.label}</strong>
                  <span>{shortcut.hint}</span>
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
