// The profile icon at the top right. Its menu (on hover or click) lists the other profiles,
// Manage profiles, Account and Sign out. A locked profile (padlock) asks for its PIN first.
// On a Kids profile it offers only Exit Kids (to Who's watching?, where leaving may take a PIN or
// the account password) and Sign out: no other profile is a tap away. From the keyboard it is a
// WAI-ARIA menu button: Enter, Space or ↓ opens it on the first item (↑ on the last), the arrow
// keys, Home and End move between items, Escape closes it back onto the button, Tab leaves it.
import { useEffect, useRef, useState } from "react";
import { Link, useNavigate } from "react-router";
import { Alert } from "../../components/ui/alert";
import { Avatar } from "../../components/ui/avatar";
import type { Profile } from "../../features/profiles/api/profiles";
import { LockIcon } from "../../features/profiles/components/lock-icon";
import { useChooseProfile } from "../../features/profiles/hooks/use-choose-profile";
import { SignOutDialog } from "../../features/session/components/sign-out-dialog";
import { useT } from "../../lib/i18n";
import { useKidsProfile, useSignedIn } from "../signed-in-data";

const menuItems = (list: HTMLUListElement | null) => [...(list?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];

export function ProfileMenu() {
  const t = useT();
  const { me, profiles } = useSignedIn();
  const kids = useKidsProfile();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  // Opened by a click (not just by hovering): then leaving with the mouse keeps it open, and
  // the click that a pointer makes after hovering opens it instead of closing it again.
  const pinned = useRef(false);
  const current = me.profile;
  const others = profiles.filter((profile) => profile.id !== current?.id);
  const { choose, error, dialogs } = useChooseProfile(() => navigate("/browse"));
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLUListElement>(null);
  // Which item takes focus once the menu is drawn, when the keyboard opened it.
  const [focusOnOpen, setFocusOnOpen] = useState<"first" | "last">();

  useEffect(() => {
    if (!open || !focusOnOpen) return;
    const all = menuItems(list.current);
    (focusOnOpen === "first" ? all[0] : all.at(-1))?.focus();
    setFocusOnOpen(undefined);
  }, [open, focusOnOpen]);

  function openFromKeyboard(event: React.KeyboardEvent) {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    event.preventDefault();
    pinned.current = true;
    setOpen(true);
    setFocusOnOpen(event.key === "ArrowDown" ? "first" : "last");
  }

  function moveWithin(event: React.KeyboardEvent) {
    const all = menuItems(list.current);
    const at = all.indexOf(document.activeElement as HTMLElement);
    const next = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: all.length - 1 }[event.key];
    if (next !== undefined) {
      event.preventDefault();
      all[(next + all.length) % all.length]?.focus();
    } else if (event.key === "Escape") {
      setOpen(false);
      button.current?.focus();
    } else if (event.key === "Tab") {
      setOpen(false);
    }
  }

  useEffect(() => {
    if (!open) {
      pinned.current = false;
      return;
    }
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent ? event.key === "Escape" : !root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", close);
    };
  }, [open]);

  function switchTo(profile: Profile) {
    setOpen(false);
    choose(profile);
  }

  return (
    <>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: hovering opens the menu for a pointer only; the button inside is the way in for the keyboard and screen readers. */}
      <div className="profile-menu" ref={root} onMouseEnter={() => setOpen(true)} onMouseLeave={() => pinned.current || setOpen(false)}>
        <button
          ref={button}
          type="button"
          className="profile-menu__button"
          aria-haspopup="menu"
          aria-expanded={open}
          aria-label={current ? t("common.profileMenu.labelFor", { name: current.name }) : t("common.profileMenu.label")}
          onClick={(event) => {
            const close = open && pinned.current;
            pinned.current = !close;
            setOpen(!close);
            // Enter or Space (a click with no pointer position) opens onto the first item.
            if (!close && event.detail === 0) setFocusOnOpen("first");
          }}
          onKeyDown={openFromKeyboard}
        >
          {current ? (
            <Avatar avatar={current.avatar} size="small" />
          ) : (
            // No profile chosen on this device yet: a plain silhouette, not a question mark.
            <span className="avatar avatar--small avatar--none" aria-hidden="true">
              <svg className="avatar__art" viewBox="0 0 100 100" aria-hidden="true" focusable="false">
                <circle cx="50" cy="38" r="16" />
                <path d="M20 84a30 30 0 0 1 60 0z" />
              </svg>
            </span>
          )}
          <span className="profile-menu__caret" aria-hidden="true">
            ▾
          </span>
        </button>
        {open && (
          // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the WAI-ARIA menu button pattern; ARIA in HTML allows role="menu" on a ul (the li are role="none").
          <ul className="profile-menu__list" role="menu" ref={list} onKeyDown={moveWithin}>
            {kids ? (
              <li role="none">
                <Link role="menuitem" className="profile-menu__item" to="/profiles" onClick={() => setOpen(false)}>
                  {t("common.profileMenu.exitKids")}
                </Link>
              </li>
            ) : (
              <>
                {others.map((profile) => (
                  <li role="none" key={profile.id}>
                    <button type="button" role="menuitem" className="profile-menu__item" onClick={() => switchTo(profile)}>
                      <Avatar avatar={profile.avatar} size="small" />
                      {profile.name}
                      {profile.locked && <LockIcon label={t("common.profileMenu.locked")} />}
                    </button>
                  </li>
                ))}
                <li role="none">
                  <Link role="menuitem" className="profile-menu__item" to="/profiles/manage" onClick={() => setOpen(false)}>
                    {t("common.profileMenu.manageProfiles")}
                  </Link>
                </li>
                <li role="none">
                  <Link role="menuitem" className="profile-menu__item" to="/account" onClick={() => setOpen(false)}>
                    {t("common.profileMenu.account")}
                  </Link>
                </li>
              </>
            )}
            <li role="none" className="profile-menu__separator">
              <button
                type="button"
                role="menuitem"
                className="profile-menu__item"
                onClick={() => {
                  setOpen(false);
                  setSigningOut(true);
                }}
              >
                {t("common.profileMenu.signOut")}
              </button>
            </li>
          </ul>
        )}
        {error && !open && (
          <div className="profile-menu__error">
            <Alert tone="error">{error}</Alert>
          </div>
        )}
        <SignOutDialog scope={signingOut ? "this-device" : undefined} onClose={() => setSigningOut(false)} />
      </div>
      {/* Outside the menu's hover area: pointing at a dialog must not open the menu behind it. */}
      {dialogs}
    </>
  );
}
