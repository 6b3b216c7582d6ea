// Re-authentication, two-step verification (authenticator app, backup codes) and passkeys.
import { z } from "zod";
import { signedInResponse } from "./auth";
import { clientDeclaration, deviceToken, passwordInput, text, timestamp } from "./common";

export const twoStepMethods = ["passkey", "totp", "backup_code"] as const;
const twoStepMethod = z.enum(twoStepMethods);
export type TwoStepMethod = z.infer<typeof twoStepMethod>;

/** A WebAuthn answer exactly as @simplewebauthn/browser's startRegistration / startAuthentication give it. */
const webAuthnResponse = <R extends z.ZodType>(response: R) =>
  z.looseObject({
    id: text().min(1).max(1024),
    rawId: text().min(1).max(1024),
    type: z.literal("public-key"),
    response,
    clientExtensionResults: z.record(text(), z.unknown()).default({}),
    authenticatorAttachment: text().max(40).optional(),
  });
const b64url = text()
  .max(8192)
  .regex(/^[A-Za-z0-9_-]*$/, "Expected base64url.");
export const passkeyRegistrationResponse = webAuthnResponse(
  z.looseObject({
    clientDataJSON: b64url,
    attestationObject: b64url,
    transports: z.array(text().max(40)).max(10).optional(),
  }),
);
export const passkeyAuthenticationResponse = webAuthnResponse(
  z.looseObject({
    clientDataJSON: b64url,
    authenticatorData: b64url,
    signature: b64url,
    userHandle: b64url.optional(),
  }),
);

/** WebAuthn options to hand to the browser (startRegistration / startAuthentication `optionsJSON`). */
const webAuthnOptions = z.record(z.string(), z.unknown());
export const webAuthnOptionsResponse = z.object({ options: webAuthnOptions });

// ---- Re-authentication ----
export const reauthenticateRequest = z
  .strictObject({ password: passwordInput.optional(), passkey: passkeyAuthenticationResponse.optional() })
  .refine((body) => (body.password === undefined) !== (body.passkey === undefined), {
    message: "Send either password or passkey.",
  });
export const reauthenticateResponse = z.object({
  /** Sensitive changes are allowed until then without asking again. */
  reauthenticatedUntil: timestamp,
  /** This device's new token, for phone and TV apps; browsers get a new cookie. */
  token: z.string().optional(),
});

// ---- Signing in with a second step ----
const twoStepRequiredResponse = z.object({
  twoStepRequired: z.literal(true),
  /** Opaque; send it back with the second step. Bound to this sign-in attempt. */
  challenge: z.string(),
  expiresAt: timestamp,
  methods: z.array(twoStepMethod),
  /** For the "passkey" method: options for startAuthentication (this account's passkeys only). */
  passkeyOptions: webAuthnOptions.nullable(),
});
export type TwoStepRequiredResponse = z.infer<typeof twoStepRequiredResponse>;

/**
 * The account's password guesses from new devices are being throttled: this device finishes
 * with a code (POST /auth/sign-in-code/complete). Answered alike for a right and a wrong
 * password; the code is sent to the account's email (and verified phone) only for the right one.
 */
export const signInCodeRequiredResponse = z.object({
  signInCodeRequired: z.literal(true),
  flowId: z.uuid(),
  expiresAt: timestamp,
});

/** A proven first factor (a password, a sign-in code) answers a session, or the request for a second step. */
export const firstFactorResponse = z.union([signedInResponse, twoStepRequiredResponse]);

/** POST /auth/sign-in answers a session, the request for a second step, or the request for a sign-in code. */
export const signInResponse = z.union([signedInResponse, twoStepRequiredResponse, signInCodeRequiredResponse]);

export const completeTwoStepRequest = z
  .strictObject({
    challenge: text().min(1).max(200),
    /** A 6-digit authenticator-app code or a backup code ("abcde-fghjk"). */
    code: text().trim().min(1).max(32).optional(),
    passkey: passkeyAuthenticationResponse.optional(),
    deviceToken: deviceToken.optional(),
  })
  .refine((body) => (body.code === undefined) !== (body.passkey === undefined), { message: "Send either code or passkey." });

export const passkeySignInRequest = z.strictObject({
  passkey: passkeyAuthenticationResponse,
  client: clientDeclaration.optional(),
  deviceToken: deviceToken.optional(),
});
export { signedInResponse };

// ---- Account → Security & Privacy ----
export const securityResponse = z.object({
  twoStep: z.object({
    enabled: z.boolean(),
    totp: z.boolean(),
    passkeys: z.number().int(),
    /** Whether a passkey is asked for after the password (two-step verification by passkey). */
    passkeyStep: z.boolean(),
    backupCodesLeft: z.number().int(),
  }),
  requirePinToAddProfiles: z.boolean(),
  /** Until when this session may make sensitive changes without re-authenticating (may be past). */
  reauthenticatedUntil: timestamp,
});

export const totpSetupResponse = z.object({
  /** The secret in base32, for typing into an authenticator app by hand. */
  secret: z.string(),
  otpauthUri: z.string(),
  /** The same URI as a QR code, an SVG image (data: URL) for an <img>. */
  qrCode: z.string(),
});

const signOutOtherDevices = z.boolean().default(true);
export const enableTotpRequest = z.strictObject({
  code: text()
    .trim()
    .regex(/^\d{6}$/, "The code has 6 digits."),
  signOutOtherDevices,
});
export const twoStepChangedResponse = z.object({
  /** How many other devices were signed out (0 when they were kept signed in). */
  signedOutOtherDevices: z.number().int(),
  /** A new set of backup codes, shown once, when this change turned two-step verification on. */
  backupCodes: z.array(z.string()).nullable(),
  token: z.string().optional(),
});
/** The body may be left out (null to the validator): the other devices are then signed out. */
export const signOutOthersChoice = z
  .strictObject({ signOutOtherDevices })
  .nullish()
  .transform((body) => body ?? { signOutOtherDevices: true });
export const backupCodesResponse = z.object({ backupCodes: z.array(z.string()) });

// ---- Passkeys ----
const passkeyName = text().trim().min(1).max(60);
const publicPasskey = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: timestamp,
  lastUsedAt: timestamp.nullable(),
});
export type PublicPasskey = z.infer<typeof publicPasskey>;
export const passkeyListResponse = z.object({ passkeys: z.array(publicPasskey) });
export const registerPasskeyRequest = z.strictObject({
  name: passkeyName,
  passkey: passkeyRegistrationResponse,
  // A new way to sign in takes nothing away: the other devices stay signed in unless asked.
  signOutOtherDevices: z.boolean().default(false),
});
/** Ask for a passkey after the password (`on`), or stop asking. */
export const passkeyStepRequest = z.strictObject({ on: z.boolean(), signOutOtherDevices });
export const passkeyAddedResponse = twoStepChangedResponse.extend({ passkey: publicPasskey });
export const renamePasskeyRequest = z.strictObject({ name: passkeyName });
export const passkeyResponse = z.object({ passkey: publicPasskey });
