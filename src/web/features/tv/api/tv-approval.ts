// The /tv page's calls: which device shows this code, and the viewer's answer to it.
import type { TvCodeLookupResponse } from "../../../../contract/schemas/tv-sign-in";
import { call } from "../../../lib/api-client";
import { usher } from "../../../lib/usher";

export type TvSignInRequest = TvCodeLookupResponse;

/** Letters only, upper case, as the TV shows them (the dash and spaces are the viewer's own). */
export function normaliseUserCode(typed: string): string {
  return typed.toUpperCase().replace(/[^A-Z]/g, "");
}

/** ABCD-EFGH, however it was typed. */
export function formatUserCode(typed: string): string {
  const letters = normaliseUserCode(typed);
  return letters.length > 4 ? `${letters.slice(0, 4)}-${letters.slice(4, 8)}` : letters;
}

const codeIn = (code: string) => ({ params: { path: { userCode: normaliseUserCode(code) } } });

export const lookUpTvCode = (code: string) => call(() => usher.GET("/api/v1/tv/codes/{userCode}", codeIn(code)));
/** A locked profile needs its PIN. */
export const approveTvCode = (code: string, profileId: string, pin?: string) =>
  call(() =>
    usher.POST("/api/v1/tv/codes/{userCode}/approve", { ...codeIn(code), body: pin === undefined ? { profileId } : { profileId, pin } }),
  );
export const denyTvCode = (code: string) => call(() => usher.POST("/api/v1/tv/codes/{userCode}/deny", codeIn(code)));
