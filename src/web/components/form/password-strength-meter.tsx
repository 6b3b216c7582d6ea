// The sign-up strength meter: four bars and a word ("Weak" … "Strong") with the
// estimator's advice. The estimator loads lazily when the page mounts; until then, and if
// it can't load, the meter stays quiet and the API's rules still apply.
import { useEffect, useState } from "react";
import type { Strength } from "../../lib/strength-estimator";

type Estimate = (password: string, hints?: string[]) => Strength;

const scoreWords = ["Very weak", "Weak", "Fair", "Good", "Strong"] as const;

/** Starts loading the estimator on mount; answers it once it is ready. */
export function useStrengthEstimator(): Estimate | undefined {
  const [estimate, setEstimate] = useState<Estimate>();
  useEffect(() => {
    let live = true;
    import("../../lib/strength-estimator").then((module) => live && setEstimate(() => module.estimateStrength)).catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return estimate;
}

export function PasswordStrengthMeter({ id, password, hints }: { id: string; password: string; hints: string[] }) {
  const estimate = useStrengthEstimator();
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
            Password strength: <strong>{scoreWords[strength.score]}</strong>
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
