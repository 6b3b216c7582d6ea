// One step of Secure your account: its number (a tick once done), title, what to do, and what
// was done.
import type { ReactNode } from "react";
import { useT } from "../../../lib/i18n";
import type { Said } from "../steps";

interface StepProps {
  number: number;
  title: string;
  done?: Said | undefined;
  children: ReactNode;
}

export function Step({ number, title, done, children }: StepProps) {
  const t = useT();
  return (
    <li className={`step${done ? " step--done" : ""}`}>
      <span className="step__marker" aria-hidden="true">
        {done ? "✓" : number}
      </span>
      <div className="step__body">
        <h2 className="step__title">
          {title}
          {done && <span className="badge badge--ok step__badge">{t("auth.step.done")}</span>}
        </h2>
        {done && (
          <p className="step__said" role="status">
            {t(done.id, done.values)}
          </p>
        )}
        {children}
      </div>
    </li>
  );
}
