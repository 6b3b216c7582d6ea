// Add phone number (or change it), verify it with the texted code, resend the code, remove it.
import type { AccountResponse, SetPhoneRequest } from "../../../../contract/schemas/account";
import { call } from "../../../lib/api-client";
import { usher } from "../../../lib/usher";

export type Phone = NonNullable<AccountResponse["account"]["phone"]>;

export interface CodeSent {
  phone: Phone;
  /** Null when the number was already verified: nothing was texted, only the opt-in changed. */
  codeExpiresAt: string | null;
}

export const setPhone = (request: SetPhoneRequest): Promise<CodeSent> => call(() => usher.PUT("/api/v1/account/phone", { body: request }));

export const resendPhoneCode = (): Promise<CodeSent> => call(() => usher.POST("/api/v1/account/phone/resend-code"));

export const verifyPhone = async (code: string): Promise<Phone> =>
  (await call(() => usher.POST("/api/v1/account/phone/verify", { body: { code } }))).phone;

export const removePhone = async (currentPassword: string): Promise<void> => {
  await call(() => usher.POST("/api/v1/account/phone/remove", { body: { currentPassword } }));
};
