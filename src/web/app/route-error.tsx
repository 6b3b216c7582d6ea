// Shown when a page fails to load for a reason other than a lost session.
import { Link, useRouteError } from "react-router";
import { ApiError } from "../lib/api-client";
import { useT } from "../lib/i18n";

export function RouteError() {
  const t = useT();
  const error = useRouteError();
  const message = error instanceof ApiError ? error.message : t("common.routeError.failed");
  return (
    <main className="page page--centered" id="main">
      <div className="card">
        <h1>{t("common.routeError.title")}</h1>
        <p role="alert">{message}</p>
        <p>
          <Link className="button button--primary" to="/" reloadDocument>
            {t("common.routeError.backToUsher")}
          </Link>
        </p>
      </div>
    </main>
  );
}
