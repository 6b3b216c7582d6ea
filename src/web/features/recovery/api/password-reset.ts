// Forgot password: ask for a link or a texted code (the answer is the same whether or not the
// account exists), then set the new password with the link's token or the email and the code.
// Completing it signs this browser in (a new cookie) and every other device out.
import type { SignedInResponse } from "../../../../contract/schemas/auth";
import { call } from "../../../lib/api-client";
import { usher } from "../../../lib/usher";

export type ResetMethod = "email" | "sms";

export const requestPasswordReset = (email: string, method: ResetMethod): Promise<{ method: ResetMethod }> =>
  call(() => usher.POST("/api/v1/auth/password-reset", { body: { email, method } }), { signedIn: false });

export type ResetProof = { token: string } | { email: string; code: string };

export const completePasswordReset = (proof: ResetProof, newPassword: string): Promise<SignedInResponse> =>
  call(() => usher.POST("/api/v1/auth/password-reset/complete", { body: { ...proof, newPassword } }), { signedIn: false });
