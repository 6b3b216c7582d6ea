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
import { loaded } from "../../lib/loaded";
import { useSignedIn } from "../signed-in-data";

/** The account's "Require PIN to add new profiles"; the profiles come with every signed-in page. */
export const loader = async () => ({
  requirePin: await loaded(
    getSecurity().then((security) => security.requirePinToAddProfiles),
    "The profile lock setting couldn't be loaded.",
  ),
});

export default function ManageProfilesPage() {
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
      setNotice(`Saved ${draft.name}.`);
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
    setNotice(`Added ${draft.name}.`);
    setAddKey((key) => key + 1);
  }

  /** Throws the API's refusal to the dialog, which says it there. */
  async function confirmDelete(profile: Profile) {
    await deleteProfile(profile.id);
    // Deleting the main profile makes the next one main: the account's setting may follow.
    await revalidator.revalidate();
    setNotice(`Deleted ${profile.name}.`);
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
          Manage profiles
        </h1>
        <Link className="button button--primary" to="/profiles">
          Done
        </Link>
      </div>
      <p className="manage__lead">
        Up to {MAX_PROFILES} profiles share this account, each with its own name and avatar. Kids profiles only see titles made for
        children.
      </p>
      {notice && <Alert tone="success">{notice}</Alert>}

      {profiles.length === 0 ? (
        <p className="empty">No profiles yet. Add the first one below.</p>
      ) : (
        <ul className="manage__list">
          {profiles.map((profile) => (
            <li key={profile.id} className="manage__profile">
              <div className="manage__summary">
                <Avatar avatar={profile.avatar} />
                <div className="manage__who">
                  <h2 className="manage__name">{profile.name}</h2>
                  {profile.isKids && <span className="tag">Kids</span>}
                  {profile.locked && (
                    <span className="tag tag--lock">
                      <LockIcon />
                      Locked
                    </span>
                  )}
                </div>
                {open?.id !== profile.id && (
                  <div className="manage__actions">
                    <button
                      type="button"
                      id={`manage-edit-${profile.id}`}
                      className="button button--secondary"
                      aria-label={`Edit ${profile.name}`}
                      onClick={() => openPanel(profile.id, "edit")}
                    >
                      Edit
                    </button>
                    <button
                      type="button"
                      id={`manage-lock-${profile.id}`}
                      className="button button--secondary"
                      aria-label={`Profile lock for ${profile.name}`}
                      onClick={() => openPanel(profile.id, "lock")}
                    >
                      Profile lock
                    </button>
                    <Link
                      id={`manage-parental-${profile.id}`}
                      data-testid={`manage-parental-${profile.id}`}
                      className="button button--secondary"
                      aria-label={`Parental controls for ${profile.name}`}
                      to={parentalControlsPath(profile.id)}
                    >
                      Parental controls
                    </Link>
                  </div>
                )}
              </div>
              {open?.id === profile.id && open.panel === "edit" && (
                <div className="manage__panel">
                  <ProfileForm
                    initial={{ name: profile.name, avatar: profile.avatar, isKids: profile.isKids }}
                    submitLabel="Save"
                    busyLabel="Saving…"
                    autoFocus
                    onSubmit={(draft) => save(profile, draft)}
                    onCancel={() => closePanel(profile.id, "edit")}
                  />
                  <div className="manage__delete">
                    {profiles.length > 1 ? (
                      <button
                        type="button"
                        className="button button--danger"
                        aria-label={`Delete ${profile.name}`}
                        onClick={() => setDeleting(profile)}
                      >
                        Delete profile
                      </button>
                    ) : (
                      <p className="manage__note">
                        An account needs at least one profile, so this one can't be deleted. Add another first.
                      </p>
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
                    Close profile lock
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}

      <RequirePinSetting setting={requirePin} main={main} onRetry={() => void revalidator.revalidate()} onSaved={revalidator.revalidate} />

      <section className="manage__add card" aria-labelledby="add-profile-heading">
        <h2 id="add-profile-heading">Add profile</h2>
        {requirePinToAdd && !full && (
          <p className="manage__note manage__note--lock">
            <LockIcon /> Adding a profile asks for {main?.name ?? "the main profile"}'s PIN.
          </p>
        )}
        {full ? (
          <p className="manage__note">This account has {MAX_PROFILES} profiles, the most it can have. Delete one to add someone new.</p>
        ) : (
          <ProfileForm
            key={addKey}
            initial={{ name: "", avatar: unused as AvatarId, isKids: false }}
            submitLabel="Add profile"
            busyLabel="Adding…"
            onSubmit={add}
          />
        )}
      </section>

      <AddProfilePinDialog state={addPin} mainName={main?.name} />

      <ConfirmDialog
        open={deleting !== undefined}
        title={deleting ? `Delete ${deleting.name}?` : "Delete profile?"}
        confirmLabel="Delete profile"
        destructive
        busyLabel="Deleting…"
        failed="Deleting the profile failed. Please try again."
        onConfirm={() => (deleting ? confirmDelete(deleting) : Promise.resolve())}
        onCancel={() => setDeleting(undefined)}
      >
        <p>This profile is removed from every device on this account. This can't be undone.</p>
      </ConfirmDialog>
    </div>
  );
}
