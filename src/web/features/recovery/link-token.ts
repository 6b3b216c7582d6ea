// Emailed links carry their token in the fragment (`#token=…`), so it never reaches a server
// log. The page reads it, then takes it out of the address bar and the history, so it is not
// left on screen, in a bookmark or in a screenshot.
const taken = new Map<string, string>();

/** The link's token; asking again on the same page (React may render twice) answers the same. */
export function takeLinkToken(): string | null {
  const { pathname, search, hash } = window.location;
  const token = new URLSearchParams(hash.slice(1)).get("token")?.trim();
  if (token) taken.set(pathname, token);
  if (hash) window.history.replaceState(window.history.state, "", `${pathname}${search}`);
  return taken.get(pathname) ?? null;
}

const redeemed = new Map<string, Promise<unknown>>();

/**
 * Opens a single-use link once: a page rendered twice (React's strict mode) or re-mounted
 * shares the first answer instead of spending the link a second time and being told it's used.
 */
export function redeemOnce<T>(token: string, redeem: (token: string) => Promise<T>): Promise<T> {
  let pending = redeemed.get(token) as Promise<T> | undefined;
  if (!pending) {
    pending = redeem(token);
    redeemed.set(token, pending);
  }
  return pending;
}
