// Profile & Parental Controls (/profiles/manage/:profileId/parental-controls, from Manage
// profiles): first the account password alone, then the profile's maturity rating, blocked
// titles, lock, Exit Kids and viewing activity. The password stays in this page's memory while
// it is open (never stored, never in the address) and goes with each change; if it is refused
// later (changed on another device), the page asks for it again.
import "../../styles/parental-controls.css";
import { useEffect, useRef, useState } from "react";
import { Link, useParams } from "react-router";
import { Alert } from "../../components/ui/alert";
import { Avatar } from "../../components/ui/avatar";
import {
  type ParentalControls,
  type ParentalControlsChange,
  updateParentalControls,
} from "../../features/parental-controls/api/parental-controls";
import { ControlsSettings } from "../../features/parental-controls/components/controls-settings";
import { OpenControlsForm } from "../../features/parental-controls/components/open-controls-form";
import { ApiError } from "../../lib/api-client";
import { useSignedIn } from "../signed-in-data";

export default function ParentalControlsPage() {
  const { profileId = "" } = useParams();
  // Another profile's page starts afresh: nothing opened for one is shown for the next.
  return <ProfileControls key={profileId} profileId={profileId} />;
}

interface Opened {
  password: string;
  controls: ParentalControls;
}

function ProfileControls({ profileId }: { profileId: string }) {
  const { profiles } = useSignedIn();
  const profile = profiles.find((candidate) => candidate.id === profileId);
  const [opened, setOpened] = useState<Opened>();
  const [refused, setRefused] = useState(false);
  const settings = useRef<HTMLDivElement>(null);

  // Once the settings replace the password form, the keyboard goes to their first heading.
  const isOpen = opened !== undefined;
  useEffect(() => {
    if (isOpen) settings.current?.querySelector<HTMLElement>("h2")?.focus();
  }, [isOpen]);

  async function change(changes: ParentalControlsChange): Promise<ParentalControls> {
    if (!opened) throw new Error("Parental controls changed before they were opened");
    try {
      const controls = await updateParentalControls(profileId, opened.password, changes);
      setOpened({ password: opened.password, controls });
      return controls;
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === "WRONG_PASSWORD") {
        setOpened(undefined);
        setRefused(true);
      }
      throw failure;
    }
  }

  const name = opened?.controls.profileName ?? profile?.name;
  return (
    <div className="subpage parental">
      <Link className="back-link" to="/profiles/manage">
        Manage profiles
      </Link>
      <h1>Profile &amp; Parental Controls</h1>
      {!profile || !name ? (
        <>
          <p className="subpage__lead">This profile isn't on this account any more.</p>
          <Link className="button button--secondary" to="/profiles/manage">
            Back to Manage profiles
          </Link>
        </>
      ) : (
        <>
          <p className="parental__who">
            <Avatar avatar={profile.avatar} />
            <span className="parental__name">{name}</span>
            {(opened?.controls.isKids ?? profile.isKids) && <span className="tag">Kids</span>}
          </p>
          {opened ? (
            <div ref={settings} className="parental__settings">
              <ControlsSettings controls={opened.controls} onChange={change} />
            </div>
          ) : (
            <div className="card">
              {refused && (
                <Alert tone="error">
                  Your account password was refused: it may have been changed on another device. Enter it again to go on.
                </Alert>
              )}
              <OpenControlsForm
                profileId={profileId}
                profileName={name}
                onOpened={(password, controls) => {
                  setRefused(false);
                  setOpened({ password, controls });
                }}
              />
            </div>
          )}
        </>
      )}
    </div>
  );
}
