// What every signed-in page knows: who is signed in here, and the account's profiles.
// Loaded by the signed-in layout on every navigation (a revoked session is caught there).
import { redirect, useRouteLoaderData, type LoaderFunctionArgs } from "react-router";
import { isSessionLost } from "../lib/api-client";
import { signInPageFor } from "../lib/sign-in-reasons";
import { getMe, type Me } from "../features/session/api/get-me";
import { listProfiles, type Profile } from "../features/profiles/api/profiles";

export interface SignedInData {
  me: Me;
  profiles: Profile[];
}

export async function loadSignedIn({ request }: LoaderFunctionArgs): Promise<SignedInData> {
  try {
    const [me, profiles] = await Promise.all([getMe(), listProfiles()]);
    return { me, profiles };
  } catch (error) {
    if (!isSessionLost(error)) throw error;
    const url = new URL(request.url);
    throw redirect(signInPageFor(error, `${url.pathname}${url.search}`));
  }
}

export function useSignedIn(): SignedInData {
  return useRouteLoaderData("signed-in") as SignedInData;
}

/** A signed-in page's route `handle`: pages a Kids profile may open say so; every other one is closed to it. */
export interface SignedInHandle {
  kidsProfile?: "allowed";
}

/** Whether this device is watching as a Kids profile: then account, devices, security and profile settings stay out of sight. */
export function useKidsProfile(): boolean {
  return useSignedIn().me.profile?.isKids ?? false;
}
