// Profile & Parental Controls (/profiles/manage/:profileId/parental-controls, from Manage
// profiles): first the account password alone, then the profile's maturity rating, blocked
// titles, lock, Exit Kids and viewing activity. The password stays in this page's memory while
// it is open (never stored, never in the address) and goes with each change; if it is refused
// later (changed on another device), the page asks for it again.
import "../../styles/parental-controls.css";
import { useEffect, useRef, useState } from "react";
import { Link, useParams, useRevalidator } from "react-router";
import type { Language } from "../../../contract/languages";
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
import { useT } from "../../lib/i18n";
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
  const t = useT();
  const { me, profiles } = useSignedIn();
  const revalidator = useRevalidator();
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

  /** This device's own profile switches language at once: the signed-in data, loaded again, brings it. */
  async function languageSaved(language: Language) {
    setOpened((current) => current && { ...current, controls: { ...current.controls, language } });
    if (me.profile?.id === profileId) await revalidator.revalidate();
  }

  const name = opened?.controls.profileName ?? profile?.name;
  return (
    <div className="subpage parental">
      <Link className="back-link" to="/profiles/manage">
        {t("profiles.parentalControls.back")}
      </Link>
      <h1>{t("profiles.parentalControls.heading")}</h1>
      {!profile || !name ? (
        <>
          <p className="subpage__lead">{t("profiles.parentalControls.gone")}</p>
          <Link className="button button--secondary" to="/profiles/manage">
            {t("profiles.parentalControls.backToManage")}
          </Link>
        </>
      ) : (
        <>
          <p className="parental__who">
            <Avatar avatar={profile.avatar} />
            <span className="parental__name">{name}</span>
            {(opened?.controls.isKids ?? profile.isKids) && <span className="tag">{t("profiles.parentalControls.kids")}</span>}
          </p>
          {opened ? (
            <div ref={settings} className="parental__settings">
              <ControlsSettings controls={opened.controls} onChange={change} onLanguageSaved={languageSaved} />
            </div>
          ) : (
            <div className="card">
              {refused && <Alert tone="error">{t("profiles.parentalControls.refused")}</Alert>}
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
