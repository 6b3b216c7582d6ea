// The one-line notice a page shows after a change made on the page before ("Your password has
// been changed.", "Your password was changed, and every other device was signed out."). It
// travels in the navigation's history state, so it is said once: not again on reload or Back.
import { useEffect, useState } from "react";
import { useLocation, useNavigate } from "react-router";

/** The navigation state that brings `notice` to the next page: `navigate(to, withNotice(…))`. */
export const withNotice = (notice: string) => ({ state: { notice } });

/** The notice brought by the last navigation, kept while the page is open but not on reload. */
export function usePageNotice(): [string | undefined, (notice: string | undefined) => void] {
  const location = useLocation();
  const navigate = useNavigate();
  const brought = (location.state as { notice?: unknown } | null)?.notice;
  const [notice, setNotice] = useState<string | undefined>(typeof brought === "string" ? brought : undefined);

  useEffect(() => {
    if (typeof brought !== "string") return;
    setNotice(brought);
    // Forget it in the history entry, so reloading or coming back doesn't repeat it.
    void navigate(`${location.pathname}${location.search}`, { replace: true, state: null });
  }, [brought, location.pathname, location.search, navigate]);

  return [notice, setNotice];
}
