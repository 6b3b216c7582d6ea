// The header of pages seen before signing in: the logo, and Sign In / Sign Up at the top right.
import { Link } from "react-router";
import { Logo } from "../../../components/ui/logo";

export function PublicHeader({ show = "both" }: { show?: "both" | "sign-in" | "sign-up" }) {
  return (
    <header className="topbar topbar--public">
      <Logo />
      <div className="topbar__actions">
        {show !== "sign-up" && (
          <Link className="button button--secondary" to="/sign-in">
            Sign In
          </Link>
        )}
        {show !== "sign-in" && (
          <Link className="button button--primary" to="/sign-up">
            Sign Up
          </Link>
        )}
      </div>
    </header>
  );
}
