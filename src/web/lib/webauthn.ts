// The browser's side of a passkey ceremony (@simplewebauthn/browser), with the browser's
// refusals turned into words: the server's options go in, the answer it expects comes out.
import { browserSupportsWebAuthn, startAuthentication, startRegistration, WebAuthnError } from "@simplewebauthn/browser";
import type { AuthenticationResponseJSON, PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON, RegistrationResponseJSON } from "@simplewebauthn/browser";

/** A ceremony the browser ended without an answer (cancelled, unsupported, timed out). */
export class PasskeyCancelled extends Error {}

export const passkeysSupported = (): boolean => browserSupportsWebAuthn();

export async function answerWithPasskey(options: Record<string, unknown>): Promise<AuthenticationResponseJSON> {
  try {
    return await startAuthentication({ optionsJSON: options as unknown as PublicKeyCredentialRequestOptionsJSON });
  } catch (error) {
    throw inWords(error, "No passkey was used. Try again, or use another way.");
  }
}

export async function createPasskey(options: Record<string, unknown>): Promise<RegistrationResponseJSON> {
  try {
    return await startRegistration({ optionsJSON: options as unknown as PublicKeyCredentialCreationOptionsJSON });
  } catch (error) {
    throw inWords(error, "No passkey was added. Try again when you're ready.");
  }
}

function inWords(error: unknown, cancelled: string): PasskeyCancelled {
  if (!passkeysSupported()) return new PasskeyCancelled("This browser can't use passkeys.");
  // NotAllowedError covers both "cancelled" and "timed out": the browser doesn't say which.
  if (error instanceof WebAuthnError && error.code === "ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED") {
    return new PasskeyCancelled("This device's passkey is already on your account.");
  }
  return new PasskeyCancelled(cancelled);
}
