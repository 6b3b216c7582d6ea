// The browser's side of a passkey ceremony (@simplewebauthn/browser), with the browser's
// refusals turned into words: the server's options go in, the answer it expects comes out.

import type { PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/browser";
import { browserSupportsWebAuthn, startAuthentication, startRegistration, WebAuthnError } from "@simplewebauthn/browser";
import type { z } from "zod";
import type { passkeyAuthenticationResponse, passkeyRegistrationResponse } from "../../contract/schemas/two-step";
import { PasskeyCancelled } from "./passkey-cancelled";

// The answers as Usher's API takes them. They are the library's plain JSON objects; its
// interfaces only lack the open index signature the contract's loose schemas carry.
export type PasskeyAuthentication = z.input<typeof passkeyAuthenticationResponse>;
export type PasskeyRegistration = z.input<typeof passkeyRegistrationResponse>;

export const passkeysSupported = (): boolean => browserSupportsWebAuthn();

export async function answerWithPasskey(options: Record<string, unknown>): Promise<PasskeyAuthentication> {
  try {
    return (await startAuthentication({
      optionsJSON: options as unknown as PublicKeyCredentialRequestOptionsJSON,
    })) as PasskeyAuthentication;
  } catch (error) {
    throw inWords(error, "No passkey was used. Try again, or use another way.");
  }
}

export async function createPasskey(options: Record<string, unknown>): Promise<PasskeyRegistration> {
  try {
    return (await startRegistration({ optionsJSON: options as unknown as PublicKeyCredentialCreationOptionsJSON })) as PasskeyRegistration;
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
