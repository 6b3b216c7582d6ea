// A locked account gets no session, whichever proof it brought. Thrown where a session would be
// issued (sessions/issue-session.ts), so the unit of work around it rolls back whatever the
// sign-in had written (a reset password, a redeemed code), and answered as ACCOUNT_LOCKED.
// Sign-in paths also check before they ask for anything more (proven-sign-in.ts), so the owner
// learns it right after the correct password, and never before: a wrong one still answers
// INVALID_CREDENTIALS, so a lock reveals nothing about whether an account exists.
import type { AccountRecord } from "./ports";

export class AccountLockedError extends Error {
  readonly code = "ACCOUNT_LOCKED";

  constructor() {
    super("the account is locked");
  }
}

export function refuseIfLocked(account: Pick<AccountRecord, "lockedAt">): void {
  if (account.lockedAt) throw new AccountLockedError();
}
