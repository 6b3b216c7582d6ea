// Email verification and change email. Opening a link needs no session (it may be opened on
// any device); resending and changing do.
import type { AccountResponse } from "../../../../contract/schemas/account";
import { api } from "../../../lib/api-client";

export const verifyEmail = (token: string): Promise<{ email: string; verified: true }> =>
  api<{ email: string; verified: true }>("POST", "/account/email/verify", { token }, { signedIn: false });

export const resendVerification = (): Promise<{ sentTo: string }> => api<{ sentTo: string }>("POST", "/account/email/resend-verification");

export const changeEmail = (newEmail: string, currentPassword: string): Promise<{ sentTo: string }> =>
  api<{ sentTo: string }>("POST", "/account/email", { newEmail, currentPassword });

export const confirmEmailChange = (token: string): Promise<{ email: string }> =>
  api<{ email: string }>("POST", "/account/email/confirm", { token }, { signedIn: false });

/** The account's email and whether it is verified, for the reminder banner. */
export const getEmailStatus = async (): Promise<{ email: string; emailVerified: boolean }> =>
  (await api<AccountResponse>("GET", "/account")).account;
