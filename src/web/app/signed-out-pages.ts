// The pages for visitors who aren't signed in (the landing page, Sign In, Sign Up): a visitor
// who is signed in on this browser is sent on instead, to where a signed-in page would take
// them, rather than shown an empty sign-in form.
import { type LoaderFunction, redirect } from "react-router";
import { type Me, signedInHere } from "../features/session/api/get-me";
import { RETURN_TO_PARAM, safeReturnPath } from "../lib/return-to";

/**
 * Where a signed-in visitor starts: the chosen profile's home when this device has chosen one
 * (the profile home sends to "Who's watching?" otherwise, so this only saves the detour).
 */
export const signedInHome = (me: Pick<Me, "profile">): string => (me.profile ? "/browse" : "/profiles");

/**
 * A signed-out page's loader: its own `loader` (if any) for a signed-out visitor; a redirect
 * for a signed-in one, to the page the sign-in would have returned to (`?next=`, as from the
 * TV's or Secure your account's page), else their home. Both are asked at once, so a
 * signed-out visitor waits no longer.
 */
export function sendSignedInOn(loader?: LoaderFunction): LoaderFunction {
  return async (args) => {
    const [me, data] = await Promise.all([signedInHere(), loader?.(args) ?? null]);
    if (!me) return data;
    const next = safeReturnPath(new URL(args.request.url).searchParams.get(RETURN_TO_PARAM));
    return redirect(next ?? signedInHome(me));
  };
}
