// Building blocks shared by the request and response schemas.
import { z } from "zod";

export const deviceKinds = ["web", "mobile", "tv"] as const;
export const deviceKind = z.enum(deviceKinds);
export type DeviceKind = z.infer<typeof deviceKind>;

/** ISO timestamps travel as strings. */
export const timestamp = z.iso.datetime({ offset: true });

/** What a phone or TV app declares about itself when it signs in. Browsers send nothing. */
export const clientDeclaration = z.strictObject({
  kind: deviceKind,
  name: z.string().trim().min(1).max(60).optional(),
});

/**
 * The device token a phone or TV app got at its last sign-in on this account, sent back with
 * the next one (browsers hold the same thing as a cookie). A device that signed in before is
 * never held back by password guesses made elsewhere.
 */
export const deviceToken = z.string().max(200);

/** Long enough for any real password; the policy (8–128) is checked by the domain. */
export const passwordInput = z.string().min(1).max(1024);

export const idParam = z.strictObject({ id: z.string().min(1).max(64) });
