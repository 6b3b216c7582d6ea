// "Confirm it's you": a fresh password or passkey proof for sensitive changes. The browser
// gets a new cookie with it; the change that asked is then sent again.
import { call } from "../../../lib/api-client";
import { usher } from "../../../lib/usher";
import { answerWithPasskey, type PasskeyAuthentication } from "../../../lib/webauthn";

// The proof must never itself ask for a proof.
const proof = { reauth: false } as const;

export const reauthenticate = (body: { password: string } | { passkey: PasskeyAuthentication }): Promise<unknown> =>
  call(() => usher.POST("/api/v1/auth/reauthenticate", { body }), proof);

export async function reauthenticateWithPasskey(): Promise<unknown> {
  const { options } = await call(() => usher.POST("/api/v1/auth/reauthenticate/passkey-options"), proof);
  return reauthenticate({ passkey: await answerWithPasskey(options) });
}
