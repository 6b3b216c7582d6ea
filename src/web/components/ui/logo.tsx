// Usher's wordmark: an amber "U" seat-light and the name.
import { Link } from "react-router";
import { useT } from "../../lib/i18n";

export function Logo({ to = "/" }: { to?: string }) {
  const t = useT();
  return (
    <Link to={to} className="logo" aria-label={t("common.logo.home")}>
      <svg viewBox="0 0 32 32" width="32" height="32" aria-hidden="true" focusable="false">
        <rect width="32" height="32" rx="8" className="logo__tile" />
        <path d="M9 8v10a7 7 0 0 0 14 0V8h-4v10a3 3 0 0 1-6 0V8z" className="logo__mark" />
      </svg>
      <span className="logo__name">Usher</span>
    </Link>
  );
}
