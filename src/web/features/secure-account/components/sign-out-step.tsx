// Step 1: sign out every other browser, phone and TV now, in one click (the page itself is the
// confirmation: the owner came here to do exactly this).
import { useSubmission } from "../../../components/form/use-submission";
import { Alert } from "../../../components/ui/alert";

export function signedOutSaying(count: number): string {
  if (count === 0) return "No other devices were signed in. Only this device is signed in now.";
  return `${count} other device${count === 1 ? " was" : "s were"} signed out. Only this device is signed in now.`;
}

interface SignOutStepProps {
  done: boolean;
  /** Signs out every other device; resolves with how many were signed out. */
  signOut(): Promise<number>;
  onDone(count: number): void;
}

export function SignOutStep({ done, signOut, onDone }: SignOutStepProps) {
  const signingOut = useSubmission({ fallback: "Signing out your other devices failed. Please try again." });
  return (
    <>
      <p className="step__text">
        Every browser, phone and TV signed in to your account is signed out at once, including anyone who shouldn't be there. You stay
        signed in here to finish these steps.
      </p>
      {signingOut.errors.form && <Alert tone="error">{signingOut.errors.form}</Alert>}
      <div className="step__actions">
        <button
          type="button"
          className={`button ${done ? "button--secondary" : "button--primary"}`}
          onClick={() => void signingOut.run(async () => onDone(await signOut()))}
          disabled={signingOut.pending}
        >
          {signingOut.pending ? "Signing out…" : done ? "Sign out of all other devices again" : "Sign out of all other devices"}
        </button>
      </div>
    </>
  );
}
