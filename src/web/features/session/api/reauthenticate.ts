// "Confirm it's you": a fresh password or passkey proof for sensitive changes. The browser
// gets a new cookie with it; the change that asked is then sent again.
import { call } from "../../../lib/api-client";
import { usher } from "../../../lib/usher";
import { answerWithPasskey } from "../../../lib/webauthn";

// The proof must never itself ask for a proof.
const proof = { reauth: false } as const;

export const reauthenticateWithPassword = (password: string): Promise<unknown> =>
  call(() => usher.POST("/api/v1/auth/reauthenticate", { body: { password } }), proof);

export async function reauthenticateWithPasskey(): Promise<unknown> {
  const { options } = await call(() => usher.POST("/api/v1/auth/reauthenticate/passkey-options"), proof);
  const passkey = await answerWithPasskey(options);
  return call(() => usher.POST("/api/v1/auth/reauthenticate", { body: { passkey } }), proof);
}

/** Whether to offer "Use a passkey": only when the account has one. */
export async function hasPasskeys(): Promise<boolean> {
  try {
    const { twoStep } = await call(() => usher.GET("/api/v1/account/security"), proof);
    return twoStep.passkeys > 0;
  } catch {
    return false;
  }
}
