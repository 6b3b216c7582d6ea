// Account → Security & Privacy's rows for two-step verification and passkeys: their state in
// a line each, and the way to their pages.
import { Link } from "react-router";
import type { SecurityState } from "../api/security";
import { describeTwoStep, passkeyCount } from "../describe";

export function TwoStepRows({ state }: { state: SecurityState }) {
  const security = state.status === "ready" ? state.security : undefined;
  const pending = state.status === "loading" ? "Loading…" : state.status === "failed" ? state.message : undefined;
  return (
    <>
      <div className="row">
        <div className="row__value">
          <span className="row__title">
            Two-step verification{" "}
            {security && (
              <span className={`badge ${security.twoStep.enabled ? "badge--ok" : "badge--warn"}`}>{security.twoStep.enabled ? "On" : "Off"}</span>
            )}
          </span>
          <span className="row__hint">{pending ?? describeTwoStep(security!.twoStep)}</span>
        </div>
        <div className="row__actions">
          <Link to="/account/two-step">Manage two-step verification</Link>
        </div>
      </div>
      <div className="row">
        <div className="row__value">
          <span className="row__title">Passkeys</span>
          <span className="row__hint">
            {pending ??
              (security!.twoStep.passkeys === 0
                ? "None yet. Sign in with your fingerprint, face or screen lock instead of a password."
                : `${passkeyCount(security!.twoStep.passkeys)} on your account.`)}
          </span>
        </div>
        <div className="row__actions">
          <Link to="/account/passkeys">Manage passkeys</Link>
        </div>
      </div>
    </>
  );
}
