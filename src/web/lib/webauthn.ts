// The browser's side of a passkey ceremony (@simplewebauthn/browser), with the browser's
// refusals turned into words: the server's options go in, the answer it expects comes out.

import type { PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/browser";
import { startAuthentication, startRegistration, WebAuthnError } from "@simplewebauthn/browser";
import type { z } from "zod";
import type { passkeyAuthenticationResponse, passkeyRegistrationResponse } from "../../contract/schemas/two-step";
import { t } from "./i18n";
import { PasskeyCancelled } from "./passkey-cancelled";
import { passkeysUnavailable, refusedOnThisAddress } from "./passkey-support";

// The answers as Usher's API takes them. They are the library's plain JSON objects; its
// interfaces only lack the open index signature the contract's loose schemas carry.
export type PasskeyAuthentication = z.input<typeof passkeyAuthenticationResponse>;
export type PasskeyRegistration = z.input<typeof passkeyRegistrationResponse>;

export async function answerWithPasskey(options: Record<string, unknown>): Promise<PasskeyAuthentication> {
  const optionsJSON = options as unknown as PublicKeyCredentialRequestOptionsJSON;
  try {
    return (await startAuthentication({ optionsJSON })) as PasskeyAuthentication;
  } catch (error) {
    throw inWords(error, optionsJSON.rpId, t("common.webauthn.noneUsed"));
  }
}

export async function createPasskey(options: Record<string, unknown>): Promise<PasskeyRegistration> {
  const optionsJSON = options as unknown as PublicKeyCredentialCreationOptionsJSON;
  try {
    return (await startRegistration({ optionsJSON })) as PasskeyRegistration;
  } catch (error) {
    throw inWords(error, optionsJSON.rp?.id, t("common.webauthn.noneAdded"));
  }
}

/** `rpId`: the host name the server's passkeys belong to. */
function inWords(error: unknown, rpId: string | undefined, cancelled: string): PasskeyCancelled {
  const unavailable = passkeysUnavailable();
  if (unavailable) return new PasskeyCancelled(unavailable);
  // Refused for the page's address (simplewebauthn names the cause, or passes SecurityError on).
  const refused =
    error instanceof WebAuthnError
      ? error.code === "ERROR_INVALID_DOMAIN" || error.code === "ERROR_INVALID_RP_ID"
      : error instanceof Error && error.name === "SecurityError";
  if (refused) return new PasskeyCancelled(refusedOnThisAddress(globalThis.location.hostname, rpId));
  // NotAllowedError covers both "cancelled" and "timed out": the browser doesn't say which.
  if (error instanceof WebAuthnError && error.code === "ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED") {
    return new PasskeyCancelled(t("common.webauthn.alreadyAdded"));
  }
  return new PasskeyCancelled(cancelled);
}
