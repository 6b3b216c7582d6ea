// Building blocks shared by the request and response schemas.
import { z } from "zod";

const deviceKinds = ["web", "mobile", "tv"] as const;
export const deviceKind = z.enum(deviceKinds);
export type DeviceKind = z.infer<typeof deviceKind>;

/** ISO timestamps travel as strings. */
export const timestamp = z.iso.datetime({ offset: true });

// A JSON body can carry NUL and lone surrogates ("\u0000", "\ud800"), and neither survives the
// database: text columns refuse NUL, jsonb refuses both escapes, and a lone surrogate written
// to a text column silently becomes U+FFFD. So no request field takes them.
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is one of the characters this looks for.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const unstorableTextMessage = "Must not contain NUL characters or unpaired surrogates.";

/** Whether the database can keep this string as it is (no NUL, every surrogate paired). */
export const isStorableText = (value: string): boolean => !UNSTORABLE.test(value);

/**
 * The string of every request field: `text().max(60)` where `z.string().max(60)` would be.
 * Emoji, right-to-left scripts and combining marks are all fine; see isStorableText.
 */
export const text = () => z.string().refine(isStorableText, { message: unstorableTextMessage, abort: true });

/** What a phone or TV app declares about itself when it signs in. Browsers send nothing. */
export const clientDeclaration = z.strictObject({
  kind: deviceKind,
  name: text().trim().min(1).max(60).optional(),
});

/**
 * The device token a phone or TV app got at its last sign-in on this account, sent back with
 * the next one (browsers hold the same thing as a cookie). A device that signed in before is
 * never held back by password guesses made elsewhere.
 */
export const deviceToken = text().max(200);

/** Long enough for any real password; the policy (8–128) is checked by the domain. */
export const passwordInput = text().min(1).max(1024);
