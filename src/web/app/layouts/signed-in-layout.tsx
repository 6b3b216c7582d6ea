// The frame of every signed-in page: the header with the profile menu on wide screens, and
// a bottom tab bar (Home, My Usher) on phone-sized ones. It listens for this session's end, so
// a page left open learns at once that it was signed out elsewhere, and asks "Confirm it's you"
// when a sensitive change needs a fresh password. On a Kids profile it shows only the pages
// marked for one (browsing, switching profile) and none of the ways to the account. A gate
// page (Who's watching?) fills the screen with the logo alone, and the verify-email reminder,
// as a streaming service's profile picker does: the way on is a profile, or Manage profiles.
import { NavLink, Outlet, useMatches, useNavigation } from "react-router";
import { Logo } from "../../components/ui/logo";
import { SiteFooter } from "../../components/ui/site-footer";
import { VerifyEmailBanner } from "../../features/recovery/components/verify-email-banner";
import { ReauthPrompt } from "../../features/session/components/reauth-prompt";
import { SignedOutNotice } from "../../features/session/components/signed-out-notice";
import { useLiveSignOut } from "../../features/session/hooks/use-live-sign-out";
import { hasPasskeys } from "../../features/two-step/api/security";
import { useT } from "../../lib/i18n";
import { type SignedInHandle, useKidsProfile, useSignedIn } from "../signed-in-data";
import { NotOnKidsProfile } from "./not-on-kids-profile";
import { ProfileMenu } from "./profile-menu";

export default function SignedInLayout() {
  const t = useT();
  const navigation = useNavigation();
  const signedOut = useLiveSignOut();
  const { me } = useSignedIn();
  const kids = useKidsProfile();
  // Closed unless the page says otherwise, as in the API: a page added later stays closed to Kids.
  const handles = useMatches().map((match) => (match.handle ?? {}) as SignedInHandle);
  const pageAllowsKids = handles.some((handle) => handle.kidsProfile === "allowed");
  if (handles.some((handle) => handle.gate)) {
    return (
      <div className="shell shell--gate">
        {signedOut && <SignedOutNotice />}
        <ReauthPrompt hasPasskeys={hasPasskeys} />
        <header className="topbar topbar--gate">
          <Logo to="/profiles" />
        </header>
        <main id="main" className="page" aria-busy={navigation.state === "loading"}>
          {!kids && <VerifyEmailBanner email={me.account.email} emailVerified={me.account.emailVerified} />}
          <Outlet />
        </main>
      </div>
    );
  }
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t("common.signedInLayout.skipToContent")}
      </a>
      {signedOut && <SignedOutNotice />}
      <ReauthPrompt hasPasskeys={hasPasskeys} />
      <header className="topbar">
        <Logo to="/browse" />
        <nav className="topbar__nav" aria-label={t("common.signedInLayout.mainNav")}>
          <NavLink to="/browse">{t("common.signedInLayout.home")}</NavLink>
          {!kids && <NavLink to="/account">{t("common.signedInLayout.account")}</NavLink>}
        </nav>
        <ProfileMenu />
      </header>
      <main id="main" className="page" aria-busy={navigation.state === "loading"}>
        {!kids && <VerifyEmailBanner email={me.account.email} emailVerified={me.account.emailVerified} />}
        {kids && !pageAllowsKids ? <NotOnKidsProfile /> : <Outlet />}
      </main>
      <SiteFooter />
      <nav className="tabbar" aria-label={t("common.signedInLayout.tabBar")}>
        <NavLink to="/browse" className="tabbar__tab">
          <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M3 11 12 4l9 7v9h-6v-6H9v6H3z" />
          </svg>
          {t("common.signedInLayout.home")}
        </NavLink>
        <NavLink to="/my-usher" className="tabbar__tab">
          <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <circle cx="12" cy="8" r="4" />
            <path d="M4 21a8 8 0 0 1 16 0z" />
          </svg>
          {t("common.signedInLayout.myUsher")}
        </NavLink>
      </nav>
    </div>
  );
}
