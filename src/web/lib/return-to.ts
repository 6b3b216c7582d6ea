// Where sign-in sends the user afterwards when a page sent them there first (the /tv page with
// its code, say). Only a path on this site is accepted: `//evil.example` or a full URL would
// make Usher's sign-in page an open redirect.
export const RETURN_TO_PARAM = "next";

export function safeReturnPath(value: string | null): string | null {
  if (!value?.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return null;
  try {
    const url = new URL(value, "https://usher.invalid");
    return url.origin === "https://usher.invalid" ? `${url.pathname}${url.search}${url.hash}` : null;
  } catch {
    return null;
  }
}

/** The sign-in page's address that comes back to `path` afterwards. */
export function signInReturningTo(path: string, extra = ""): string {
  return `/sign-in?${extra ? `${extra}&` : ""}${RETURN_TO_PARAM}=${encodeURIComponent(path)}`;
}

/** A signed-out page's address that keeps `returnTo` (between Sign In and Use a sign-in code). */
export function keepingReturnTo(page: string, returnTo: string | null): string {
  return returnTo ? `${page}?${RETURN_TO_PARAM}=${encodeURIComponent(returnTo)}` : page;
}
