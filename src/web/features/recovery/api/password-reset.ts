// Forgot password: ask for a link or a texted code (the answer is the same whether or not the
// account exists), then set the new password with the link's token or the email and the code.
// Completing it signs this browser in (a new cookie) and every other device out.
import type { SignedInResponse } from "../../../../contract/schemas/auth";
import { api } from "../../../lib/api-client";

export type ResetMethod = "email" | "sms";

export const requestPasswordReset = (email: string, method: ResetMethod): Promise<{ method: ResetMethod }> =>
  api<{ method: ResetMethod }>("POST", "/auth/password-reset", { email, method }, { signedIn: false });

export type ResetProof = { token: string } | { email: string; code: string };

export const completePasswordReset = (proof: ResetProof, newPassword: string): Promise<SignedInResponse> =>
  api<SignedInResponse>("POST", "/auth/password-reset/complete", { ...proof, newPassword }, { signedIn: false });
