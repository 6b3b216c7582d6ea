// What every signed-in page knows: who is signed in here, and the account's profiles.
// Loaded by the signed-in layout on every navigation (a revoked session is caught there).
import { redirect, useRouteLoaderData, type LoaderFunctionArgs } from "react-router";
import { isSessionLost } from "../lib/api-client";
import { signInReturningTo } from "../lib/return-to";
import { reasonForLostSession, type SignInReason } from "../lib/sign-in-reasons";
import { getMe, type Me } from "../features/session/api/get-me";
import { listProfiles, type Profile } from "../features/profiles/api/profiles";

export interface SignedInData {
  me: Me;
  profiles: Profile[];
}

/**
 * Pages a visitor comes back to after signing in, rather than going to the profiles, and what
 * the sign-in page tells a visitor who wasn't signed in at all.
 */
const RETURNS_AFTER_SIGN_IN: Record<string, SignInReason> = { "/tv": "sign-in-for-tv" };

export async function loadSignedIn({ request }: LoaderFunctionArgs): Promise<SignedInData> {
  try {
    const [me, profiles] = await Promise.all([getMe(), listProfiles()]);
    return { me, profiles };
  } catch (error) {
    if (!isSessionLost(error)) throw error;
    const url = new URL(request.url);
    const returning = RETURNS_AFTER_SIGN_IN[url.pathname];
    const lost = reasonForLostSession(error);
    if (!returning) throw redirect(`/sign-in?reason=${lost}`);
    const reason = lost === "sign-in-required" ? returning : lost;
    throw redirect(signInReturningTo(`${url.pathname}${url.search}`, `reason=${reason}`));
  }
}

export function useSignedIn(): SignedInData {
  return useRouteLoaderData("signed-in") as SignedInData;
}
