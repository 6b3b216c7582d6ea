// "Confirm it's you": a fresh password or passkey proof for sensitive changes. The browser
// gets a new cookie with it; the change that asked is then sent again.
import { api } from "../../../lib/api-client";
import { answerWithPasskey } from "../../../lib/webauthn";

// The proof must never itself ask for a proof.
const proof = { reauth: false } as const;

export const reauthenticateWithPassword = (password: string): Promise<unknown> =>
  api("POST", "/auth/reauthenticate", { password }, proof);

export async function reauthenticateWithPasskey(): Promise<unknown> {
  const { options } = await api<{ options: Record<string, unknown> }>("POST", "/auth/reauthenticate/passkey-options", undefined, proof);
  const passkey = await answerWithPasskey(options);
  return api("POST", "/auth/reauthenticate", { passkey }, proof);
}

/** Whether to offer "Use a passkey": only when the account has one. */
export async function hasPasskeys(): Promise<boolean> {
  try {
    const { twoStep } = await api<{ twoStep: { passkeys: number } }>("GET", "/account/security", undefined, proof);
    return twoStep.passkeys > 0;
  } catch {
    return false;
  }
}
