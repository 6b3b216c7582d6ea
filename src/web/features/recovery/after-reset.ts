// Where a completed password reset goes: "Who's watching?" (this browser is signed in anew,
// with no profile chosen), saying there what the reset did to the account's other devices.
import type { NavigateFunction } from "react-router";
import { t } from "../../lib/i18n";
import { withNotice } from "../../lib/page-notice";

/** Resolves once "Who's watching?" is shown. */
export const toProfilesAfterReset = (navigate: NavigateFunction): void | Promise<void> =>
  navigate("/profiles", { replace: true, ...withNotice(t("auth.afterReset.notice")) });
