// The three-line menu at the top right of My Usher: Account, Manage profiles, Switch profile
// and Sign out (on a Kids profile only Exit Kids, its one way to another profile, and Sign out). A menu button: arrows move between
// items, Escape closes and returns focus.
import { type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import { Link } from "react-router";
import { useT } from "../../../lib/i18n";

/** The open menu's items in order: what the arrow keys move between. */
const menuItems = (menu: HTMLElement | null) => [...(menu?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];

export function MyUsherMenu({ kidsProfile, onSignOut }: { kidsProfile: boolean; onSignOut(): void }) {
  const t = useT();
  const id = useId();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    menuItems(root.current)[0]?.focus();
    const outside = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", outside);
    return () => document.removeEventListener("pointerdown", outside);
  }, [open]);

  function close(returnFocus: boolean) {
    setOpen(false);
    if (returnFocus) button.current?.focus();
  }

  function onMenuKey(event: KeyboardEvent) {
    const all = menuItems(root.current);
    const at = all.indexOf(document.activeElement as HTMLElement);
    const move = (index: number) => {
      event.preventDefault();
      all[(index + all.length) % all.length]?.focus();
    };
    if (event.key === "ArrowDown") move(at + 1);
    else if (event.key === "ArrowUp") move(at - 1);
    else if (event.key === "Home") move(0);
    else if (event.key === "End") move(all.length - 1);
    else if (event.key === "Escape") {
      event.preventDefault();
      close(true);
    } else if (event.key === "Tab") close(false);
  }

  return (
    <div className="my-usher-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="my-usher-menu__button"
        aria-label={t("auth.myUsherMenu.button")}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? `${id}-menu` : undefined}
        onClick={() => setOpen((value) => !value)}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown" && !open) {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M3 6h18M3 12h18M3 18h18" />
        </svg>
      </button>
      {open && (
        // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the WAI-ARIA menu button pattern; ARIA in HTML allows role="menu" on a ul (the li are role="none").
        <ul id={`${id}-menu`} className="my-usher-menu__list" role="menu" aria-label={t("auth.myUsherMenu.label")} onKeyDown={onMenuKey}>
          {!kidsProfile && (
            <>
              <li role="none">
                <Link role="menuitem" className="my-usher-menu__item" to="/account" onClick={() => close(false)}>
                  {t("auth.myUsherMenu.account")}
                </Link>
              </li>
              <li role="none">
                <Link role="menuitem" className="my-usher-menu__item" to="/profiles/manage" onClick={() => close(false)}>
                  {t("auth.myUsherMenu.manageProfiles")}
                </Link>
              </li>
            </>
          )}
          <li role="none">
            <Link role="menuitem" className="my-usher-menu__item" to="/profiles" onClick={() => close(false)}>
              {t(kidsProfile ? "auth.myUsherMenu.exitKids" : "auth.myUsherMenu.switchProfile")}
            </Link>
          </li>
          <li role="none" className="my-usher-menu__separator">
            <button
              type="button"
              role="menuitem"
              className="my-usher-menu__item"
              onClick={() => {
                // Focus goes back to the menu button, and returns there when the dialog closes.
                close(true);
                onSignOut();
              }}
            >
              {t("auth.myUsherMenu.signOut")}
            </button>
          </li>
        </ul>
      )}
    </div>
  );
}
