// Add phone number (or change it), verify it with the texted code, resend the code, remove it.
import type { AccountResponse, SetPhoneRequest } from "../../../../contract/schemas/account";
import { api } from "../../../lib/api-client";

export type Phone = NonNullable<AccountResponse["account"]["phone"]>;

export interface CodeSent {
  phone: Phone;
  /** Null when the number was already verified: nothing was texted, only the opt-in changed. */
  codeExpiresAt: string | null;
}

export const setPhone = (request: SetPhoneRequest): Promise<CodeSent> => api<CodeSent>("PUT", "/account/phone", request);

export const resendPhoneCode = (): Promise<CodeSent> => api<CodeSent>("POST", "/account/phone/resend-code");

export const verifyPhone = async (code: string): Promise<Phone> =>
  (await api<{ phone: Phone }>("POST", "/account/phone/verify", { code })).phone;

export const removePhone = async (currentPassword: string): Promise<void> => {
  await api<{ phone: null }>("POST", "/account/phone/remove", { currentPassword });
};
