// Any address the app doesn't know: say so, and offer the way home.
import { Link } from "react-router";
import { Logo } from "../../components/ui/logo";

export default function NotFoundPage() {
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
          <h1>Page not found</h1>
          <p>There's nothing at this address. It may have moved, or the link may be mistyped.</p>
          <div className="not-found__actions">
            <Link className="button button--primary" to="/">
              Go to Usher home
            </Link>
            <Link className="button button--secondary" to="/profiles">
              Who's watching?
            </Link>
          </div>
        </div>
      </main>
    </>
  );
}
