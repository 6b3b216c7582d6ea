// "Who's watching?": the profile picker after sign-in. Choosing a profile remembers it for
// this device and opens its home; Manage profiles adds, edits and deletes them.
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { Alert } from "../../components/ui/alert";
import { Avatar } from "../../components/ui/avatar";
import { chooseProfile, type Profile } from "../../features/profiles/api/profiles";
import { ApiError } from "../../lib/api-client";
import { useSignedIn } from "../signed-in-data";

export default function WhoIsWatchingPage() {
  const { profiles } = useSignedIn();
  const navigate = useNavigate();
  const [choosing, setChoosing] = useState<string>();
  const [error, setError] = useState<string>();

  async function choose(profile: Profile) {
    setChoosing(profile.id);
    setError(undefined);
    try {
      await chooseProfile(profile.id);
      navigate("/browse");
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : "That profile couldn't be opened. Please try again.");
      setChoosing(undefined);
    }
  }

  return (
    <div className="picker">
      <h1 className="picker__heading">Who's watching?</h1>
      {error && <Alert tone="error">{error}</Alert>}
      {profiles.length === 0 ? (
        <p className="empty">There are no profiles on this account yet. Add one in Manage profiles.</p>
      ) : (
        <ul className="picker__list">
          {profiles.map((profile) => (
            <li key={profile.id}>
              <button
                type="button"
                className="picker__profile"
                disabled={choosing !== undefined}
                aria-busy={choosing === profile.id}
                onClick={() => void choose(profile)}
              >
                <Avatar avatar={profile.avatar} name={profile.name} />
                <span className="picker__name">{profile.name}</span>
                {profile.isKids && <span className="tag">Kids</span>}
                {choosing === profile.id && <span className="picker__opening">Opening…</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
      <Link className="button button--secondary picker__manage" to="/profiles/manage">
        Manage profiles
      </Link>
    </div>
  );
}
