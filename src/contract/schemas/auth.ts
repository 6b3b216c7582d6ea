// Sign up, sign in and sign out.
import { z } from "zod";
import { clientDeclaration, deviceKind, passwordInput, timestamp } from "./common";
import { publicProfile } from "./profiles";

export const signUpRequest = z.strictObject({
  email: z.string().max(320),
  password: passwordInput,
  profileName: z.string().trim().min(1).max(50).optional(),
  client: clientDeclaration.optional(),
});
export type SignUpRequest = z.infer<typeof signUpRequest>;

export const signInRequest = z.strictObject({
  email: z.string().max(320),
  password: passwordInput,
  client: clientDeclaration.optional(),
});
export type SignInRequest = z.infer<typeof signInRequest>;

export const publicSignedInSession = z.object({
  id: z.string(),
  deviceKind,
  deviceName: z.string(),
  expiresAt: timestamp,
});

/**
 * Answer to a sign-in or sign-up. `token` is present only for phone and TV apps, which send
 * it back as `Authorization: Bearer`; browsers get an HttpOnly cookie instead.
 */
export const signedInResponse = z.object({
  account: z.object({ id: z.string(), email: z.string() }),
  session: publicSignedInSession,
  profiles: z.array(publicProfile),
  token: z.string().optional(),
});
export type SignedInResponse = z.infer<typeof signedInResponse>;
