// Account → Security & Privacy's rows for two-step verification and passkeys: their state in
// a line each (or why it couldn't be loaded), and the way to their pages.
import { Link } from "react-router";
import { useT } from "../../../lib/i18n";
import type { Loaded } from "../../../lib/loaded";
import type { Security } from "../api/security";
import { describeTwoStep } from "../describe";

export function TwoStepRows({ security }: { security: Loaded<Security> }) {
  const t = useT();
  const twoStep = security.ok ? security.data.twoStep : undefined;
  const say = (words: (state: Security["twoStep"]) => string) => (security.ok ? words(security.data.twoStep) : security.message);
  return (
    <>
      <div className="row">
        <div className="row__value">
          <span className="row__title">
            {t("devices.twoStepRows.twoStep")}{" "}
            {twoStep && (
              <span className={`badge ${twoStep.enabled ? "badge--ok" : "badge--warn"}`}>
                {twoStep.enabled ? t("devices.twoStepRows.on") : t("devices.twoStepRows.off")}
              </span>
            )}
          </span>
          <span className="row__hint">{say(describeTwoStep)}</span>
        </div>
        <div className="row__actions">
          <Link to="/account/two-step">{t("devices.twoStepRows.manageTwoStep")}</Link>
        </div>
      </div>
      <div className="row">
        <div className="row__value">
          <span className="row__title">{t("devices.twoStepRows.passkeys")}</span>
          <span className="row__hint">
            {say(({ passkeys }) =>
              passkeys === 0 ? t("devices.twoStepRows.noPasskeys") : t("devices.twoStepRows.passkeyCount", { count: passkeys }),
            )}
          </span>
        </div>
        <div className="row__actions">
          <Link to="/account/passkeys">{t("devices.twoStepRows.managePasskeys")}</Link>
        </div>
      </div>
    </>
  );
}
