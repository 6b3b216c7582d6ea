// Account activity (Security & Privacy): sign-ins with device and IP, failed attempts and every
// security change, newest first, with "Show more" for older entries.
import { Link } from "react-router";
import { Alert } from "../../components/ui/alert";
import { LoadFailed } from "../../components/ui/load-failed";
import { Loading } from "../../components/ui/loading";
import { useActivity } from "../../features/activity/api/use-activity";
import { ActivityList } from "../../features/activity/components/activity-list";

export default function AccountActivityPage() {
  const { state, reload, showMore } = useActivity();
  return (
    <div className="subpage subpage--wide">
      <Link className="back-link" to="/account">
        Account
      </Link>
      <h1>Account activity</h1>
      <p className="subpage__lead">
        Sign-ins, failed attempts and security changes on your account, newest first. Don't recognise something?{" "}
        <Link to="/secure-account">Secure your account</Link>.
      </p>
      {state.status === "loading" && <Loading label="Loading your account activity…" />}
      {state.status === "failed" && <LoadFailed message={state.message} onRetry={reload} />}
      {state.status === "ready" && state.events.length === 0 && <p className="empty">No activity on your account yet.</p>}
      {state.status === "ready" && state.events.length > 0 && (
        <>
          <ActivityList events={state.events} />
          {typeof state.more === "object" && <Alert tone="error">{state.more.failed}</Alert>}
          {state.nextCursor ? (
            <div className="activity__more">
              <button type="button" className="button button--secondary" onClick={showMore} disabled={state.more === "loading"}>
                {state.more === "loading" ? "Loading…" : "Show more"}
              </button>
            </div>
          ) : (
            <p className="activity__end">No older activity.</p>
          )}
        </>
      )}
    </div>
  );
}
