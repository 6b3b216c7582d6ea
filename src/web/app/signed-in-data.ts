// What every signed-in page knows: who is signed in here, and the account's profiles.
// Loaded by the signed-in layout on every navigation (a revoked session is caught there), which
// also shows the chosen profile's display language (the browser's until one is chosen).
import { type LoaderFunction, type LoaderFunctionArgs, redirect, useRouteLoaderData } from "react-router";
import { listProfiles, type Profile } from "../features/profiles/api/profiles";
import { getMe, type Me } from "../features/session/api/get-me";
import { isSessionLost } from "../lib/api-client";
import { browserLanguage, showLanguage } from "../lib/i18n";
import { signInPageFor } from "../lib/sign-in-reasons";

export interface SignedInData {
  me: Me;
  profiles: Profile[];
}

/** The layout's load for each navigation (its request), which the pages' loaders may wait for. */
const loads = new WeakMap<Request, Promise<SignedInData>>();

export function loadSignedIn(args: LoaderFunctionArgs): Promise<SignedInData> {
  const load = loadFor(args);
  loads.set(args.request, load);
  return load;
}

async function loadFor({ request }: LoaderFunctionArgs): Promise<SignedInData> {
  try {
    const [me, profiles] = await Promise.all([getMe(), listProfiles()]);
    await showLanguage(me.profile?.language ?? browserLanguage());
    return { me, profiles };
  } catch (error) {
    if (!isSessionLost(error)) throw error;
    const url = new URL(request.url);
    throw redirect(signInPageFor(error, `${url.pathname}${url.search}`));
  }
}

/**
 * A page's loader, for a page a Kids profile may not open: on one, the layout shows
 * NotOnKidsProfile instead and the API would refuse the page's calls, so none are made. The
 * router calls the layout's loader first, so its load for this navigation is there to wait for.
 */
export function closedToKids(loader: LoaderFunction): LoaderFunction {
  return async (args) => {
    const signedIn = await loads.get(args.request);
    return signedIn?.me.profile?.isKids ? null : loader(args);
  };
}

export function useSignedIn(): SignedInData {
  return useRouteLoaderData("signed-in") as SignedInData;
}

/** A signed-in page's route `handle`: pages a Kids profile may open say so; every other one is closed to it. */
export interface SignedInHandle {
  kidsProfile?: "allowed";
  /** A full-screen gate (Who's watching?): the logo only, none of the header's or tab bar's ways elsewhere. */
  gate?: true;
}

/** Whether this device is watching as a Kids profile: then account, devices, security and profile settings stay out of sight. */
export function useKidsProfile(): boolean {
  return useSignedIn().me.profile?.isKids ?? false;
}
