// Where a completed password reset goes: "Who's watching?" (this browser is signed in anew,
// with no profile chosen), saying there what the reset did to the account's other devices.
import type { NavigateFunction } from "react-router";
import { withNotice } from "../../lib/page-notice";

export const PASSWORD_RESET_NOTICE = "Your password was changed, and every other device was signed out.";

/** Resolves once "Who's watching?" is shown. */
export const toProfilesAfterReset = (navigate: NavigateFunction): void | Promise<void> =>
  navigate("/profiles", { replace: true, ...withNotice(PASSWORD_RESET_NOTICE) });
