// Any address the app doesn't know: say so, and offer the way home.
import { Link } from "react-router";
import { Logo } from "../../components/ui/logo";
import { useT } from "../../lib/i18n";

export default function NotFoundPage() {
  const t = useT();
  return (
    <>
      <header className="topbar topbar--public">
        <Logo />
      </header>
      <main id="main" className="page page--narrow not-found">
        <div className="card not-found__card">
          <p className="not-found__code" aria-hidden="true">
            404
          </p>
          <h1>{t("auth.notFound.title")}</h1>
          <p>{t("auth.notFound.text")}</p>
          <div className="not-found__actions">
            <Link className="button button--primary" to="/">
              {t("auth.notFound.home")}
            </Link>
            <Link className="button button--secondary" to="/profiles">
              {t("auth.notFound.profiles")}
            </Link>
          </div>
        </div>
      </main>
    </>
  );
}
