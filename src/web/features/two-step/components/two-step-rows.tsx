// Account → Security & Privacy's rows for two-step verification and passkeys: their state in
// a line each (or why it couldn't be loaded), and the way to their pages.
import { Link } from "react-router";
import type { Loaded } from "../../../lib/loaded";
import type { Security } from "../api/security";
import { describeTwoStep, passkeyCount } from "../describe";

export function TwoStepRows({ security }: { security: Loaded<Security> }) {
  const twoStep = security.ok ? security.data.twoStep : undefined;
  const say = (words: (state: Security["twoStep"]) => string) => (security.ok ? words(security.data.twoStep) : security.message);
  return (
    <>
      <div className="row">
        <div className="row__value">
          <span className="row__title">
            Two-step verification{" "}
            {twoStep && <span className={`badge ${twoStep.enabled ? "badge--ok" : "badge--warn"}`}>{twoStep.enabled ? "On" : "Off"}</span>}
          </span>
          <span className="row__hint">{say(describeTwoStep)}</span>
        </div>
        <div className="row__actions">
          <Link to="/account/two-step">Manage two-step verification</Link>
        </div>
      </div>
      <div className="row">
        <div className="row__value">
          <span className="row__title">Passkeys</span>
          <span className="row__hint">
            {say(({ passkeys }) =>
              passkeys === 0
                ? "None yet. Sign in with your fingerprint, face or screen lock instead of a password."
                : `${passkeyCount(passkeys)} on your account.`,
            )}
          </span>
        </div>
        <div className="row__actions">
          <Link to="/account/passkeys">Manage passkeys</Link>
        </div>
      </div>
    </>
  );
}
