// Who is signed in on this device: the account, this session and its chosen profile. The TV
// app asks it too, with its own token (a Caller).
import type { z } from "zod";
import type { meResponse } from "../../../../contract/schemas/account";
import { call } from "../../../lib/api-client";
import { type Caller, thisBrowser } from "../../../lib/usher";

export type Me = z.infer<typeof meResponse>;

export const getMe = (as: Caller = thisBrowser): Promise<Me> => call(() => as.client.GET("/api/v1/me"), as.options);

/**
 * Who is signed in on this browser, or null when no one is: asked by the pages for signed-out
 * visitors, where a refusal is the expected answer, not a lost session to act on.
 */
export async function signedInHere(): Promise<Me | null> {
  try {
    return await getMe({ client: thisBrowser.client, options: { signedIn: false, reauth: false } });
  } catch {
    // Signed out, or the API can't say: the signed-out page shows.
    return null;
  }
}
