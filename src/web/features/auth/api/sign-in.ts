// Sign in and sign up from the browser: the session arrives as an HttpOnly cookie. With
// two-step verification on, the password answers a challenge instead, completed by a code or
// a passkey; a passkey alone also signs in (no email: the passkey says whose it is).
import type { z } from "zod";
import type { SignedInResponse } from "../../../../contract/schemas/auth";
import type { signInResponse, TwoStepRequiredResponse } from "../../../../contract/schemas/two-step";
import { api } from "../../../lib/api-client";
import { answerWithPasskey } from "../../../lib/webauthn";

export type { TwoStepRequiredResponse };
export type SignInResult = z.infer<typeof signInResponse>;

export const needsSecondStep = (result: SignInResult): result is TwoStepRequiredResponse => "twoStepRequired" in result;

export const signIn = (email: string, password: string): Promise<SignInResult> =>
  api<SignInResult>("POST", "/auth/sign-in", { email, password }, { signedIn: false });

export const signUp = (email: string, password: string, profileName?: string): Promise<SignedInResponse> =>
  api<SignedInResponse>("POST", "/auth/sign-up", { email, password, ...(profileName ? { profileName } : {}) }, { signedIn: false });

/** The second step with an authenticator-app code or a backup code. */
export const completeWithCode = (challenge: string, code: string): Promise<SignedInResponse> =>
  api<SignedInResponse>("POST", "/auth/two-step", { challenge, code }, { signedIn: false });

/** The second step with a passkey, from the options the sign-in answered with. */
export async function completeWithPasskey(challenge: string, options: Record<string, unknown>): Promise<SignedInResponse> {
  const passkey = await answerWithPasskey(options);
  return api<SignedInResponse>("POST", "/auth/two-step", { challenge, passkey }, { signedIn: false });
}

/** Sign in with a passkey alone. */
export async function signInWithPasskey(): Promise<SignedInResponse> {
  const { options } = await api<{ options: Record<string, unknown> }>("POST", "/auth/passkey/options", undefined, { signedIn: false });
  const passkey = await answerWithPasskey(options);
  return api<SignedInResponse>("POST", "/auth/passkey", { passkey }, { signedIn: false });
}
