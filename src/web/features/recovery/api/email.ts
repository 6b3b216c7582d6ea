// Email verification and change email. Opening a link needs no session (it may be opened on
// any device); resending and changing do.
import { call } from "../../../lib/api-client";
import { usher } from "../../../lib/usher";

export const verifyEmail = (token: string): Promise<{ email: string; verified: true }> =>
  call(() => usher.POST("/api/v1/account/email/verify", { body: { token } }), { signedIn: false });

export const resendVerification = (): Promise<{ sentTo: string }> => call(() => usher.POST("/api/v1/account/email/resend-verification"));

export const changeEmail = (newEmail: string, currentPassword: string): Promise<{ sentTo: string }> =>
  call(() => usher.POST("/api/v1/account/email", { body: { newEmail, currentPassword } }));

export const confirmEmailChange = (token: string): Promise<{ email: string }> =>
  call(() => usher.POST("/api/v1/account/email/confirm", { body: { token } }), { signedIn: false });
