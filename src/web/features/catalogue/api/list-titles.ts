// The catalogue, as the API serves it to whoever asks: every title signed out, only the
// titles made for children when the session watches as a Kids profile. The TV app asks with
// its own token (a Caller).
import type { CatalogueTitle } from "../../../../contract/schemas/catalogue";
import { call } from "../../../lib/api-client";
import { type Caller, thisBrowser } from "../../../lib/usher";

export type Title = CatalogueTitle;

/** Open to everyone: no answer of it means the session was lost, so it never sends anyone to sign in. */
export const listTitles = async (as: Caller = thisBrowser): Promise<Title[]> =>
  (await call(() => as.client.GET("/api/v1/titles"), { ...as.options, signedIn: false })).titles;
