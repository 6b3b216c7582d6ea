// Email verification, change of email and forgot password.
import { z } from "zod";
import { clientDeclaration, deviceToken, passwordInput, text } from "./common";

const linkToken = text().trim().min(1).max(200);

export const verifyEmailRequest = z.strictObject({ token: linkToken });
export const emailVerifiedResponse = z.object({ email: z.string(), verified: z.literal(true) });

export const verificationSentResponse = z.object({ sentTo: z.string() });

/** Change email: re-authenticate; a link goes to the new address, which counts once opened. */
export const changeEmailRequest = z.strictObject({ newEmail: text().max(320), currentPassword: passwordInput });
export const confirmEmailChangeRequest = z.strictObject({ token: linkToken });
export const emailChangedResponse = z.object({ email: z.string() });

/** `method` "sms" texts a code to the account's verified phone instead of emailing a link. */
export const passwordResetRequest = z.strictObject({
  email: text().max(320),
  method: z.enum(["email", "sms"]).default("email"),
  deviceToken: deviceToken.optional(),
});

/**
 * The same answer whether or not the account exists. Each request is its own reset: a texted
 * code is completed with this `flowId` (an emailed link names its flow itself).
 */
export const passwordResetAcceptedResponse = z.object({ method: z.enum(["email", "sms"]), flowId: z.uuid() });

/** With the emailed link's token, or with the request's flowId and the texted code. */
export const completePasswordResetRequest = z.union([
  z.strictObject({
    token: linkToken,
    newPassword: passwordInput,
    client: clientDeclaration.optional(),
    deviceToken: deviceToken.optional(),
  }),
  z.strictObject({
    flowId: z.uuid(),
    code: text()
      .trim()
      .regex(/^\d{6}$/, "Enter the 6-digit code."),
    newPassword: passwordInput,
    client: clientDeclaration.optional(),
    deviceToken: deviceToken.optional(),
  }),
]);
