// Sign in and sign up from the browser: the session arrives as an HttpOnly cookie. With
// two-step verification on, the password answers a challenge instead, completed by a code or
// a passkey; a passkey alone also signs in (no email: the passkey says whose it is). While
// strangers' password guesses at the account are throttled, a browser new to the account is
// asked for a sign-in code instead (completed in sign-in-code.ts).
import type { z } from "zod";
import type { SignedInResponse } from "../../../../contract/schemas/auth";
import type { signInCodeRequiredResponse, signInResponse, TwoStepRequiredResponse } from "../../../../contract/schemas/two-step";
import { call } from "../../../lib/api-client";
import { activeLanguage } from "../../../lib/i18n";
import { usher } from "../../../lib/usher";
import { answerWithPasskey, type PasskeyAuthentication } from "../../../lib/webauthn";

export type { TwoStepRequiredResponse };
export type SignInCodeRequiredResponse = z.infer<typeof signInCodeRequiredResponse>;
export type SignInResult = z.infer<typeof signInResponse>;

export const needsSecondStep = (result: SignInResult): result is TwoStepRequiredResponse => "twoStepRequired" in result;
export const needsSignInCode = (result: SignInResult): result is SignInCodeRequiredResponse => "signInCodeRequired" in result;

export const signIn = (email: string, password: string): Promise<SignInResult> =>
  call(() => usher.POST("/api/v1/auth/sign-in", { body: { email, password } }), { signedIn: false });

/**
 * A new account, in the language the sign-up page is shown in and this browser's time zone:
 * its emails and texts, and its first profile, start in that language.
 */
export const signUp = (email: string, password: string, profileName?: string): Promise<SignedInResponse> =>
  call(
    () =>
      usher.POST("/api/v1/auth/sign-up", {
        body: {
          email,
          password,
          ...(profileName ? { profileName } : {}),
          language: activeLanguage(),
          timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        },
      }),
    { signedIn: false },
  );

/** The second step: an authenticator-app code or a backup code, or a passkey. */
export const completeSecondStep = (
  challenge: string,
  proof: { code: string } | { passkey: PasskeyAuthentication },
): Promise<SignedInResponse> => call(() => usher.POST("/api/v1/auth/two-step", { body: { challenge, ...proof } }), { signedIn: false });

/** The second step with a passkey, from the options the sign-in answered with. */
export const completeWithPasskey = async (challenge: string, options: Record<string, unknown>): Promise<SignedInResponse> =>
  completeSecondStep(challenge, { passkey: await answerWithPasskey(options) });

/** Sign in with a passkey alone. */
export async function signInWithPasskey(): Promise<SignedInResponse> {
  const { options } = await call(() => usher.POST("/api/v1/auth/passkey/options"), { signedIn: false });
  const passkey = await answerWithPasskey(options);
  return call(() => usher.POST("/api/v1/auth/passkey", { body: { passkey } }), { signedIn: false });
}
