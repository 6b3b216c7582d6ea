// The one-line notice the account page shows after a change made on another page
// ("Your password has been changed."), brought by the navigation (lib/page-notice.ts).
import type { NavigateFunction } from "react-router";
import { usePageNotice, withNotice } from "../../lib/page-notice";

/** Resolves once the account page is shown. */
export const backToAccount = (navigate: NavigateFunction, notice: string): void | Promise<void> => navigate("/account", withNotice(notice));

export const useAccountNotice = usePageNotice;
