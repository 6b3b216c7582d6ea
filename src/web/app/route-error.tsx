// Shown when a page fails to load for a reason other than a lost session.
import { Link, useRouteError } from "react-router";
import { ApiError } from "../lib/api-client";

export function RouteError() {
  const error = useRouteError();
  const message = error instanceof ApiError ? error.message : "Something went wrong while loading this page.";
  return (
    <main className="page page--centered" id="main">
      <div className="card">
        <h1>We couldn't open this page</h1>
        <p role="alert">{message}</p>
        <p>
          <Link className="button button--primary" to="/" reloadDocument>
            Back to Usher
          </Link>
        </p>
      </div>
    </main>
  );
}
