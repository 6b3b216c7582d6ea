// "Use a sign-in code": a 6-digit code by email, or by text to a verified phone, instead of a
// password. Also how a new device finishes signing in while the account's password guesses
// are being throttled (see signInCodeRequiredResponse).
import { z } from "zod";
import { clientDeclaration, deviceToken, text, timestamp } from "./common";

const asker = { client: clientDeclaration.optional(), deviceToken: deviceToken.optional() };

/** An email address, or a phone number (with its country when not in +… form). */
export const signInCodeRequest = z.union([
  z.strictObject({ email: text().max(320), ...asker }),
  z.strictObject({ phone: text().trim().min(1).max(40), country: text().length(2).optional(), ...asker }),
]);

/** The same answer whether or not the address has an account; completing names this flow. */
export const signInCodeSentResponse = z.object({
  flowId: z.uuid(),
  channel: z.enum(["email", "sms"]),
  expiresAt: timestamp,
});

export const completeSignInCodeRequest = z.strictObject({
  flowId: z.uuid(),
  code: text()
    .trim()
    .regex(/^\d{6}$/, "Enter the 6-digit code."),
  ...asker,
});
