// The header of pages seen before signing in: the logo, and Sign In / Sign Up at the top right.
import { Link } from "react-router";
import { Logo } from "../../../components/ui/logo";
import { useT } from "../../../lib/i18n";

export function PublicHeader({ show = "both" }: { show?: "both" | "sign-in" | "sign-up" }) {
  const t = useT();
  return (
    <header className="topbar topbar--public">
      <Logo />
      <div className="topbar__actions">
        {show !== "sign-up" && (
          <Link className="button button--secondary" to="/sign-in">
            {t("auth.publicHeader.signIn")}
          </Link>
        )}
        {show !== "sign-in" && (
          <Link className="button button--primary" to="/sign-up">
            {t("auth.publicHeader.signUp")}
          </Link>
        )}
      </div>
    </header>
  );
}
