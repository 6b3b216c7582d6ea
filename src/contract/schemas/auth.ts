// Sign up, sign in and sign out.
import { z } from "zod";
import { clientDeclaration, deviceKind, deviceToken, passwordInput, text, timestamp } from "./common";
import { languageCode } from "./language";
import { publicProfile } from "./profiles";

export const signUpRequest = z.strictObject({
  email: text().max(320),
  password: passwordInput,
  profileName: text().trim().min(1).max(50).optional(),
  client: clientDeclaration.optional(),
  /** The sign-up page's language: the account's emails and texts, and its first profile, use it. */
  language: languageCode.optional(),
  /** The browser's time zone, for the times emails and texts give (UTC when it isn't one Usher knows). */
  timeZone: text().max(64).optional(),
});

export const signInRequest = z.strictObject({
  email: text().max(320),
  password: passwordInput,
  client: clientDeclaration.optional(),
  deviceToken: deviceToken.optional(),
});

const publicSignedInSession = z.object({
  id: z.string(),
  deviceKind,
  deviceName: z.string(),
  expiresAt: timestamp,
});

/**
 * Answer to a sign-in or sign-up. `token` and `deviceToken` are present only for phone and TV
 * apps: they send the token back as `Authorization: Bearer`, and the device token with their
 * next sign-in. Browsers get HttpOnly cookies instead.
 */
export const signedInResponse = z.object({
  account: z.object({ id: z.string(), email: z.string() }),
  session: publicSignedInSession,
  profiles: z.array(publicProfile),
  token: z.string().optional(),
  deviceToken: z.string().optional(),
});
export type SignedInResponse = z.infer<typeof signedInResponse>;
