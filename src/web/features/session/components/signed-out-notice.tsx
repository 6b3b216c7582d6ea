// The banner a signed-in page shows, for a moment before Sign In, when its session was ended
// from elsewhere.
export function SignedOutNotice() {
  return (
    <div className="signed-out-notice" role="alert">
      <strong>You were signed out</strong>
      <span>Taking you to Sign In…</span>
    </div>
  );
}
