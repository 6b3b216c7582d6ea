// Step 1: sign out every other browser, phone and TV now, in one click (the page itself is the
// confirmation: the owner came here to do exactly this).
import { useState } from "react";
import { Alert } from "../../../components/ui/alert";
import { failureMessage } from "../../../lib/api-client";
import { signOutEverywhereElse } from "../api/sign-out-everywhere-else";

export function signedOutSaying(count: number): string {
  if (count === 0) return "No other devices were signed in. Only this device is signed in now.";
  return `${count} other device${count === 1 ? " was" : "s were"} signed out. Only this device is signed in now.`;
}

export function SignOutStep({ done, onDone }: { done: boolean; onDone(count: number): void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function signOut() {
    setBusy(true);
    setError(undefined);
    try {
      onDone(await signOutEverywhereElse());
    } catch (failure) {
      setError(failureMessage(failure, "Signing out your other devices failed. Please try again."));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <p className="step__text">
        Every browser, phone and TV signed in to your account is signed out at once, including anyone who shouldn't be there. You stay signed in
        here to finish these steps.
      </p>
      {error && <Alert tone="error">{error}</Alert>}
      <div className="step__actions">
        <button type="button" className={`button ${done ? "button--secondary" : "button--primary"}`} onClick={() => void signOut()} disabled={busy}>
          {busy ? "Signing out…" : done ? "Sign out of all other devices again" : "Sign out of all other devices"}
        </button>
      </div>
    </>
  );
}
