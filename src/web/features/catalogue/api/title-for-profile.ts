// One title as the profile in use may see it: the title, or why not. Whether a title exists and
// whether this profile may watch it are different answers: the player says which.
import type { CatalogueTitle } from "../../../../contract/schemas/catalogue";
import { ApiError, call } from "../../../lib/api-client";
import { thisBrowser } from "../../../lib/usher";

export type TitleForProfile = { found: true; title: CatalogueTitle } | { found: false; why: "TITLE_RESTRICTED" | "TITLE_NOT_FOUND" };

export async function titleForProfile(titleId: string): Promise<TitleForProfile> {
  try {
    const { title } = await call(() => thisBrowser.client.GET("/api/v1/titles/{titleId}", { params: { path: { titleId } } }), {
      ...thisBrowser.options,
      signedIn: false,
    });
    return { found: true, title };
  } catch (error) {
    // A malformed id (400) names no title either.
    if (error instanceof ApiError && (error.code === "TITLE_RESTRICTED" || error.code === "TITLE_NOT_FOUND" || error.status === 400)) {
      return { found: false, why: error.code === "TITLE_RESTRICTED" ? "TITLE_RESTRICTED" : "TITLE_NOT_FOUND" };
    }
    throw error;
  }
}
