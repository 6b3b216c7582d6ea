// "Use a sign-in code": a 6-digit code to the account's email, or by text to its verified
// phone, instead of the password. Asking answers alike whether or not an account uses the
// address; each request is a flow of its own, so a new code is a new request and the code is
// sent back with the newest flowId. A new device's throttled password sign-in (sign-in.ts)
// finishes here too. Two-step verification still follows when it is on.
import type { z } from "zod";
import type { SignedInResponse } from "../../../../contract/schemas/auth";
import type { signInCodeSentResponse } from "../../../../contract/schemas/sign-in-code";
import type { TwoStepRequiredResponse } from "../../../../contract/schemas/two-step";
import { call } from "../../../lib/api-client";
import { usher } from "../../../lib/usher";

export type SignInCodeAddress = { email: string } | { phone: string; country: string };
export type SignInCodeSent = z.infer<typeof signInCodeSentResponse>;

export const requestSignInCode = (address: SignInCodeAddress): Promise<SignInCodeSent> =>
  call(() => usher.POST("/api/v1/auth/sign-in-code", { body: address }), { signedIn: false });

/** Signed in, or the second step when two-step verification is on. */
export const completeSignInCode = (flowId: string, code: string): Promise<SignedInResponse | TwoStepRequiredResponse> =>
  call(() => usher.POST("/api/v1/auth/sign-in-code/complete", { body: { flowId, code } }), { signedIn: false });
