// The one-line notice the account page shows after a change made on another page
// ("Your password has been changed."). It travels in the navigation's history state.
import { useEffect, useState } from "react";
import { type NavigateFunction, useLocation, useNavigate } from "react-router";

/** Resolves once the account page is shown. */
export const backToAccount = (navigate: NavigateFunction, notice: string): void | Promise<void> =>
  navigate("/account", { state: { notice } });

/** The notice brought by the last navigation, kept while the page is open but not on reload. */
export function useAccountNotice(): [string | undefined, (notice: string | undefined) => void] {
  const location = useLocation();
  const navigate = useNavigate();
  const brought = (location.state as { notice?: unknown } | null)?.notice;
  const [notice, setNotice] = useState<string | undefined>(typeof brought === "string" ? brought : undefined);

  useEffect(() => {
    if (typeof brought !== "string") return;
    setNotice(brought);
    // Forget it in the history entry, so reloading or coming back doesn't repeat it.
    void navigate(location.pathname, { replace: true, state: null });
  }, [brought, location.pathname, navigate]);

  return [notice, setNotice];
}
