// The WebAuthn ceremonies Usher runs, over @simplewebauthn/server: options with a challenge
// we store as a flow (so it is single-use and expires), and verification against it.
import {
  type AuthenticationResponseJSON,
  type AuthenticatorTransportFuture,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from "@simplewebauthn/server";
import type { AccountRecord } from "../accounts/ports";
import { sha256Hex } from "../crypto/hashing";
import type { CoreDeps } from "../deps";
import type { Stores } from "../ports";
import type { AuthFlowKind, AuthFlowRecord, PasskeyRecord } from "./ports";

export type { AuthenticationResponseJSON, RegistrationResponseJSON };

/** The WebAuthn user handle of an account: its id, so a discoverable passkey names its owner. */
export const userHandleOf = (accountId: string): string => Buffer.from(accountId, "utf8").toString("base64url");

const transportsOf = (passkey: PasskeyRecord) => passkey.transports as AuthenticatorTransportFuture[];

/** The challenge a browser signed, read from its clientDataJSON; null when unreadable. */
export function signedChallenge(clientDataJSON: string): string | null {
  try {
    const data = JSON.parse(Buffer.from(clientDataJSON, "base64url").toString("utf8")) as { challenge?: unknown };
    return typeof data.challenge === "string" && data.challenge.length > 0 ? data.challenge : null;
  } catch {
    return null;
  }
}

/** Stores a ceremony flow whose handle is the WebAuthn challenge itself. */
export async function storeCeremony(
  deps: Pick<CoreDeps, "random" | "clock" | "config">,
  stores: Stores,
  kind: AuthFlowKind,
  accountId: string | null,
  challenge: string,
  details: Record<string, unknown> = {},
): Promise<AuthFlowRecord> {
  const now = deps.clock.now();
  const flow: AuthFlowRecord = {
    id: deps.random.uuid(),
    kind,
    accountId,
    handleHash: sha256Hex(challenge),
    webauthnChallenge: challenge,
    status: "pending",
    attempts: 0,
    details,
    expiresAt: new Date(now.getTime() + deps.config.webAuthn.ceremonyTtlMs),
    createdAt: now,
  };
  await stores.authFlows.create(flow);
  return flow;
}

export async function registrationOptions(
  deps: Pick<CoreDeps, "random" | "config">,
  account: AccountRecord,
  existing: PasskeyRecord[],
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const { rpId, rpName, ceremonyTtlMs } = deps.config.webAuthn;
  return generateRegistrationOptions({
    rpName,
    rpID: rpId,
    userName: account.email,
    userID: new Uint8Array(Buffer.from(account.id, "utf8")),
    challenge: new Uint8Array(deps.random.bytes(32)),
    timeout: ceremonyTtlMs,
    attestationType: "none",
    excludeCredentials: existing.map((p) => ({ id: p.id, transports: transportsOf(p) })),
    // Discoverable, so the passkey alone (no email) can sign in later.
    authenticatorSelection: { residentKey: "required", userVerification: "preferred" },
  });
}

export async function authenticationOptions(
  deps: Pick<CoreDeps, "random" | "config">,
  allow: PasskeyRecord[] | null,
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  return generateAuthenticationOptions({
    rpID: deps.config.webAuthn.rpId,
    challenge: new Uint8Array(deps.random.bytes(32)),
    timeout: deps.config.webAuthn.ceremonyTtlMs,
    userVerification: "preferred",
    ...(allow ? { allowCredentials: allow.map((p) => ({ id: p.id, transports: transportsOf(p) })) } : {}),
  });
}

export interface VerifiedRegistration {
  id: string;
  publicKey: string;
  counter: number;
  transports: string[];
}

/** Null when the response is not a valid registration for `challenge` on this site. */
export async function verifyRegistration(
  deps: Pick<CoreDeps, "config">,
  response: RegistrationResponseJSON,
  challenge: string,
): Promise<VerifiedRegistration | null> {
  try {
    const verified = await verifyRegistrationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: deps.config.webAuthn.origin,
      expectedRPID: deps.config.webAuthn.rpId,
      requireUserVerification: false,
    });
    if (!verified.verified) return null;
    const { credential } = verified.registrationInfo;
    return {
      id: credential.id,
      publicKey: Buffer.from(credential.publicKey).toString("base64url"),
      counter: credential.counter,
      transports: credential.transports ?? [],
    };
  } catch {
    // Malformed attestation, wrong origin, wrong challenge: all the same refusal.
    return null;
  }
}

/** The new signature counter, or null when the assertion is not valid for this passkey and challenge. */
export async function verifyAssertion(
  deps: Pick<CoreDeps, "config">,
  response: AuthenticationResponseJSON,
  passkey: PasskeyRecord,
  challenge: string,
): Promise<number | null> {
  try {
    const verified = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: deps.config.webAuthn.origin,
      expectedRPID: deps.config.webAuthn.rpId,
      credential: {
        id: passkey.id,
        publicKey: new Uint8Array(Buffer.from(passkey.publicKey, "base64url")),
        counter: passkey.counter,
        transports: transportsOf(passkey),
      },
      requireUserVerification: false,
    });
    return verified.verified ? verified.authenticationInfo.newCounter : null;
  } catch {
    return null;
  }
}
