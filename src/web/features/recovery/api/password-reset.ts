// Forgot password: ask for a link or a texted code (the answer is the same whether or not the
// account exists), then set the new password with the link's token, or with the request's flow
// and the texted code. Each request is a flow of its own: a new code means a new request.
// Completing it signs this browser in (a new cookie) and every other device out.
import type { SignedInResponse } from "../../../../contract/schemas/auth";
import { call } from "../../../lib/api-client";
import { usher } from "../../../lib/usher";

export type ResetMethod = "email" | "sms";

/** The request's answer: `flowId` names it when the code is completed. */
export interface ResetRequested {
  method: ResetMethod;
  flowId: string;
}

export const requestPasswordReset = (email: string, method: ResetMethod): Promise<ResetRequested> =>
  call(() => usher.POST("/api/v1/auth/password-reset", { body: { email, method } }), { signedIn: false });

/** The emailed link's token (opaque to the page), or the texted code with the flow it belongs to. */
export type ResetProof = { token: string } | { flowId: string; code: string };

export const completePasswordReset = (proof: ResetProof, newPassword: string): Promise<SignedInResponse> =>
  call(() => usher.POST("/api/v1/auth/password-reset/complete", { body: { ...proof, newPassword } }), { signedIn: false });
