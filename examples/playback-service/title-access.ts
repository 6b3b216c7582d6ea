// Whether the viewer may have a title, decided here before anything is handed out or asked of
// Usher: the title must be in Usher's catalogue, and the profile the device watches as must be
// allowed it (mayWatch: its maturity rating, its blocked titles, Kids titles only on a Kids
// profile). The claims are the verifier's, kept exact by its subscription, so a profile's
// parental controls changed anywhere hold here on the very next request.
import { mayWatch, type SessionClaims } from "usher/verifier";
import type { Catalogue, Title } from "./catalogue";

export const TITLE_NOT_FOUND = { error: { code: "TITLE_NOT_FOUND", message: "There is no such title in the catalogue." } };
export const TITLE_RESTRICTED = { error: { code: "TITLE_RESTRICTED", message: "This title isn't available on this profile." } };

export type TitleAccess =
  | { ok: true; title: Title }
  | { ok: false; statusCode: 404; body: typeof TITLE_NOT_FOUND }
  | { ok: false; statusCode: 403; body: typeof TITLE_RESTRICTED }
  /** No catalogue from Usher: answered like the verifier's own outage, so an app retries. */
  | { ok: false; statusCode: 503; body: { error: "usher_unavailable" } };

export async function titleAccess(catalogue: Catalogue, claims: SessionClaims, titleId: string): Promise<TitleAccess> {
  const titles = await catalogue.titles();
  if (!titles) return { ok: false, statusCode: 503, body: { error: "usher_unavailable" } };
  const title = titles.get(titleId);
  if (!title) return { ok: false, statusCode: 404, body: TITLE_NOT_FOUND };
  return mayWatch(claims, title) ? { ok: true, title } : { ok: false, statusCode: 403, body: TITLE_RESTRICTED };
}
