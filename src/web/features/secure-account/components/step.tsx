// One step of Secure your account: its number (a tick once done), title, what to do, and what
// was done.
import type { ReactNode } from "react";

interface StepProps {
  number: number;
  title: string;
  done?: string | undefined;
  children: ReactNode;
}

export function Step({ number, title, done, children }: StepProps) {
  return (
    <li className={`step${done ? " step--done" : ""}`}>
      <span className="step__marker" aria-hidden="true">
        {done ? "✓" : number}
      </span>
      <div className="step__body">
        <h2 className="step__title">
          {title}
          {done && <span className="badge badge--ok step__badge">Done</span>}
        </h2>
        {done && (
          <p className="step__said" role="status">
            {done}
          </p>
        )}
        {children}
      </div>
    </li>
  );
}
