// Step 1: sign out every other browser, phone and TV now, in one click (the page itself is the
// confirmation: the owner came here to do exactly this).
import { useSubmission } from "../../../components/form/use-submission";
import { Alert } from "../../../components/ui/alert";
import { useT } from "../../../lib/i18n";
import type { Said } from "../steps";

/** The step's line once done: how many other devices were signed out. */
export const signedOutSaid = (count: number): Said => ({ id: "auth.signOutStep.done", values: { count } });

interface SignOutStepProps {
  done: boolean;
  /** Signs out every other device; resolves with how many were signed out. */
  signOut(): Promise<number>;
  onDone(count: number): void;
}

export function SignOutStep({ done, signOut, onDone }: SignOutStepProps) {
  const t = useT();
  const signingOut = useSubmission({ fallback: t("auth.signOutStep.failed") });
  return (
    <>
      <p className="step__text">{t("auth.signOutStep.text")}</p>
      {signingOut.errors.form && <Alert tone="error">{signingOut.errors.form}</Alert>}
      <div className="step__actions">
        <button
          type="button"
          className={`button ${done ? "button--secondary" : "button--primary"}`}
          onClick={() => void signingOut.run(async () => onDone(await signOut()))}
          disabled={signingOut.pending}
        >
          {t(signingOut.pending ? "auth.signOutStep.signingOut" : done ? "auth.signOutStep.again" : "auth.signOutStep.signOut")}
        </button>
      </div>
    </>
  );
}
