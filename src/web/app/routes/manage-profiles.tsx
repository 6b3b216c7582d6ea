// Manage profiles: add one (up to 5); Edit renames it, changes the avatar or the Kids setting,
// and holds Delete (with a confirmation, never the last one); Profile lock is a panel of its
// own for the PIN; Parental controls is a page of its own, behind the account password. The account's "Require PIN to add new profiles" lives here too, next to what
// it guards. "Done" goes back to "Who's watching?".
import { useRef, useState } from "react";
import { Link, useLoaderData, useRevalidator } from "react-router";
import { type AvatarId, avatarIds } from "../../../contract/avatars";
import { Alert } from "../../components/ui/alert";
import { Avatar } from "../../components/ui/avatar";
import { ConfirmDialog } from "../../components/ui/confirm-dialog";
import { parentalControlsPath } from "../../features/parental-controls/parental-controls-path";
import { createProfile, deleteProfile, type Profile, updateProfile } from "../../features/profiles/api/profiles";
import { AddProfilePinDialog, useAddProfilePin } from "../../features/profiles/components/add-profile-pin-dialog";
import { LockIcon } from "../../features/profiles/components/lock-icon";
import { type ProfileDraft, ProfileForm } from "../../features/profiles/components/profile-form";
import { ProfileLockEditor } from "../../features/profiles/components/profile-lock-editor";
import { RequirePinSetting } from "../../features/profiles/components/require-pin-setting";
import { MAX_PROFILES } from "../../features/profiles/limits";
import { mainProfile } from "../../features/profiles/main-profile";
import { getSecurity } from "../../features/two-step/api/security";
import { ApiError } from "../../lib/api-client";
import { useT } from "../../lib/i18n";
import { loaded } from "../../lib/loaded";
import { useSignedIn } from "../signed-in-data";

/** The account's "Require PIN to add new profiles"; the profiles come with every signed-in page. */
export const loader = async () => ({
  requirePin: await loaded(
    getSecurity().then((security) => security.requirePinToAddProfiles),
    "profiles.manageProfiles.settingLoadFailed",
  ),
});

export default function ManageProfilesPage() {
  const t = useT();
  const { profiles } = useSignedIn();
  const { requirePin } = useLoaderData<typeof loader>();
  const revalidator = useRevalidator();
  const heading = useRef<HTMLHeadingElement>(null);
  const [open, setOpen] = useState<{ id: string; panel: "edit" | "lock" }>();
  const [deleting, setDeleting] = useState<Profile>();
  const [notice, setNotice] = useState<string>();
  const [addKey, setAddKey] = useState(0);
  const requirePinToAdd = requirePin.ok && requirePin.data;
  const main = mainProfile(profiles);
  const addPin = useAddProfilePin();

  const focusButton = (id: string, panel: "edit" | "lock") =>
    requestAnimationFrame(() => document.getElementById(`manage-${panel}-${id}`)?.focus());

  function openPanel(id: string, panel: "edit" | "lock") {
    setNotice(undefined);
    setOpen({ id, panel });
  }

  function closePanel(id: string, panel: "edit" | "lock") {
    setOpen(undefined);
    focusButton(id, panel);
  }

  async function save(profile: Profile, draft: ProfileDraft) {
    const changes: Partial<ProfileDraft> = {};
    if (draft.name !== profile.name) changes.name = draft.name;
    if (draft.avatar !== profile.avatar) changes.avatar = draft.avatar;
    if (draft.isKids !== profile.isKids) changes.isKids = draft.isKids;
    if (Object.keys(changes).length > 0) {
      await updateProfile(profile.id, changes);
      await revalidator.revalidate();
      setNotice(t("profiles.manageProfiles.saved", { name: draft.name }));
    }
    closePanel(profile.id, "edit");
  }

  async function add(draft: ProfileDraft) {
    if (requirePinToAdd) {
      if (!(await addPin.ask(draft))) return;
    } else {
      try {
        await createProfile(draft);
      } catch (failure) {
        // The setting was turned on elsewhere since this page loaded: ask for the PIN now.
        if (!(failure instanceof ApiError && failure.code === "PIN_REQUIRED")) throw failure;
        // Read again, so the page says so too.
        void revalidator.revalidate();
        if (!(await addPin.ask(draft))) return;
      }
    }
    await revalidator.revalidate();
    setNotice(t("profiles.manageProfiles.added", { name: draft.name }));
    setAddKey((key) => key + 1);
  }

  /** Throws the API's refusal to the dialog, which says it there. */
  async function confirmDelete(profile: Profile) {
    await deleteProfile(profile.id);
    // Deleting the main profile makes the next one main: the account's setting may follow.
    await revalidator.revalidate();
    setNotice(t("profiles.manageProfiles.deleted", { name: profile.name }));
    setDeleting(undefined);
    setOpen(undefined);
    // After the dialog has closed: while it is open, the rest of the page is inert.
    requestAnimationFrame(() => heading.current?.focus());
  }

  const full = profiles.length >= MAX_PROFILES;
  const unused = avatarIds.find((avatar) => !profiles.some((profile) => profile.avatar === avatar)) ?? avatarIds[0];

  return (
    <div className="manage">
      <div className="manage__header">
        <h1 ref={heading} tabIndex={-1}>
          {t("profiles.manageProfiles.heading")}
        </h1>
        <Link className="button button--primary" to="/profiles">
          {t("profiles.manageProfiles.done")}
        </Link>
      </div>
      <p className="manage__lead">{t("profiles.manageProfiles.lead", { max: MAX_PROFILES })}</p>
      {notice && <Alert tone="success">{notice}</Alert>}

      {profiles.length === 0 ? (
        <p className="empty">{t("profiles.manageProfiles.empty")}</p>
      ) : (
        <ul className="manage__list">
          {profiles.map((profile) => (
            <li key={profile.id} className="manage__profile">
              <div className="manage__summary">
                <Avatar avatar={profile.avatar} />
                <div className="manage__who">
                  <h2 className="manage__name">{profile.name}</h2>
                  {profile.isKids && <span className="tag">{t("profiles.manageProfiles.kids")}</span>}
                  {profile.locked && (
                    <span className="tag tag--lock">
                      <LockIcon />
                      {t("profiles.manageProfiles.locked")}
                    </span>
                  )}
                </div>
                {open?.id !== profile.id && (
                  <div className="manage__actions">
                    <button
                      type="button"
                      id={`manage-edit-${profile.id}`}
                      className="button button--secondary"
                      aria-label={t("profiles.manageProfiles.editProfile", { name: profile.name })}
                      onClick={() => openPanel(profile.id, "edit")}
                    >
                      {t("profiles.manageProfiles.edit")}
                    </button>
                    <button
                      type="button"
                      id={`manage-lock-${profile.id}`}
                      className="button button--secondary"
                      aria-label={t("profiles.manageProfiles.profileLockFor", { name: profile.name })}
                      onClick={() => openPanel(profile.id, "lock")}
                    >
                      {t("profiles.manageProfiles.profileLock")}
                    </button>
                    <Link
                      id={`manage-parental-${profile.id}`}
                      data-testid={`manage-parental-${profile.id}`}
                      className="button button--secondary"
                      aria-label={t("profiles.manageProfiles.parentalControlsFor", { name: profile.name })}
                      to={parentalControlsPath(profile.id)}
                    >
                      {t("profiles.manageProfiles.parentalControls")}
                    </Link>
                  </div>
                )}
              </div>
              {open?.id === profile.id && open.panel === "edit" && (
                <div className="manage__panel">
                  <ProfileForm
                    initial={{ name: profile.name, avatar: profile.avatar, isKids: profile.isKids }}
                    submitLabel={t("profiles.manageProfiles.save")}
                    busyLabel={t("profiles.manageProfiles.saving")}
                    autoFocus
                    onSubmit={(draft) => save(profile, draft)}
                    onCancel={() => closePanel(profile.id, "edit")}
                  />
                  <div className="manage__delete">
                    {profiles.length > 1 ? (
                      <button
                        type="button"
                        className="button button--danger"
                        aria-label={t("profiles.manageProfiles.deleteProfile", { name: profile.name })}
                        onClick={() => setDeleting(profile)}
                      >
                        {t("profiles.manageProfiles.delete")}
                      </button>
                    ) : (
                      <p className="manage__note">{t("profiles.manageProfiles.lastProfile")}</p>
                    )}
                  </div>
                </div>
              )}
              {open?.id === profile.id && open.panel === "lock" && (
                <div className="manage__panel">
                  <ProfileLockEditor
                    profile={profile}
                    isMain={profile.id === main?.id}
                    requirePinToAddProfiles={requirePinToAdd}
                    onChanged={async () => {
                      setNotice(undefined);
                      // Removing the main profile's PIN turns "Require PIN to add new profiles" off: read again too.
                      await revalidator.revalidate();
                    }}
                  />
                  <button type="button" className="button button--secondary" onClick={() => closePanel(profile.id, "lock")}>
                    {t("profiles.manageProfiles.closeLock")}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}

      <RequirePinSetting setting={requirePin} main={main} onRetry={() => void revalidator.revalidate()} onSaved={revalidator.revalidate} />

      <section className="manage__add card" aria-labelledby="add-profile-heading">
        <h2 id="add-profile-heading">{t("profiles.manageProfiles.add")}</h2>
        {requirePinToAdd && !full && (
          <p className="manage__note manage__note--lock">
            <LockIcon />{" "}
            {main ? t("profiles.manageProfiles.addAsksPin", { name: main.name }) : t("profiles.manageProfiles.addAsksPinNoMain")}
          </p>
        )}
        {full ? (
          <p className="manage__note">{t("profiles.manageProfiles.full", { max: MAX_PROFILES })}</p>
        ) : (
          <ProfileForm
            key={addKey}
            initial={{ name: "", avatar: unused as AvatarId, isKids: false }}
            submitLabel={t("profiles.manageProfiles.add")}
            busyLabel={t("profiles.manageProfiles.adding")}
            onSubmit={add}
          />
        )}
      </section>

      <AddProfilePinDialog state={addPin} mainName={main?.name} />

      <ConfirmDialog
        open={deleting !== undefined}
        title={deleting ? t("profiles.manageProfiles.deleteTitle", { name: deleting.name }) : t("profiles.manageProfiles.deleteTitleAny")}
        confirmLabel={t("profiles.manageProfiles.delete")}
        destructive
        busyLabel={t("profiles.manageProfiles.deleting")}
        failed={t("profiles.manageProfiles.deleteFailed")}
        onConfirm={() => (deleting ? confirmDelete(deleting) : Promise.resolve())}
        onCancel={() => setDeleting(undefined)}
      >
        <p>{t("profiles.manageProfiles.deleteBody")}</p>
      </ConfirmDialog>
    </div>
  );
}
