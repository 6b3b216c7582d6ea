// The sign-up strength meter: four bars and a word ("Weak" … "Strong") with the
// estimator's advice. The estimator's dictionaries weigh more than the rest of the page, so
// they load only once typing starts; until then, and if they can't load, the meter stays
// quiet and the API's rules still apply.
import { useEffect, useState } from "react";
import { Message, type MessageId, useT } from "../../lib/i18n";
import type { Strength } from "../../lib/strength-estimator";

type Estimate = (password: string, hints?: string[]) => Strength;

const scoreWords: readonly MessageId[] = [
  "common.passwordStrength.score.veryWeak",
  "common.passwordStrength.score.weak",
  "common.passwordStrength.score.fair",
  "common.passwordStrength.score.good",
  "common.passwordStrength.score.strong",
];

/** Starts loading the estimator once `needed` turns true; answers it once it is ready. */
export function useStrengthEstimator(needed: boolean): Estimate | undefined {
  const [estimate, setEstimate] = useState<Estimate>();
  const wanted = needed || estimate !== undefined;
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    import("../../lib/strength-estimator").then((module) => live && setEstimate(() => module.estimateStrength)).catch(() => undefined);
    return () => {
      live = false;
    };
  }, [wanted]);
  return estimate;
}

export function PasswordStrengthMeter({ id, password, hints }: { id: string; password: string; hints: string[] }) {
  const t = useT();
  const estimate = useStrengthEstimator(password !== "");
  const strength = estimate && password ? estimate(password, hints) : undefined;
  return (
    <div className="strength" id={id} aria-live="polite">
      {strength && (
        <>
          <div className="strength__bar" data-score={strength.score} aria-hidden="true">
            <span />
            <span />
            <span />
            <span />
          </div>
          <p className="strength__label">
            <Message id="common.passwordStrength.label" values={{ score: t(scoreWords[strength.score]!) }} components={{ 0: <strong /> }} />
          </p>
          {(strength.warning || (strength.score < 3 && strength.suggestion)) && (
            <p className="strength__advice">
              {[strength.warning, strength.score < 3 ? strength.suggestion : undefined].filter(Boolean).join(" ")}
            </p>
          )}
        </>
      )}
    </div>
  );
}
