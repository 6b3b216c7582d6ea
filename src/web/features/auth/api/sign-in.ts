// Sign in and sign up from the browser: the session arrives as an HttpOnly cookie.
import type { SignedInResponse } from "../../../../contract/schemas/auth";
import { api } from "../../../lib/api-client";

export const signIn = (email: string, password: string): Promise<SignedInResponse> =>
  api<SignedInResponse>("POST", "/auth/sign-in", { email, password }, { signedIn: false });

export const signUp = (email: string, password: string, profileName?: string): Promise<SignedInResponse> =>
  api<SignedInResponse>("POST", "/auth/sign-up", { email, password, ...(profileName ? { profileName } : {}) }, { signedIn: false });
