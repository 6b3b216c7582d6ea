// Where the browser tests' servers listen: the main one (E2E_PORT), and a second one whose
// re-authentication window is a few seconds (E2E_PORT + 1), used only by reauth.spec.ts.
export const e2ePort = Number(process.env.E2E_PORT ?? 4173);
export const baseURL = `http://localhost:${e2ePort}`;
export const reauthPort = Number(process.env.E2E_REAUTH_PORT ?? e2ePort + 1);
export const reauthBaseURL = `http://localhost:${reauthPort}`;
/** REAUTH_WINDOW_MINUTES on the second server: 6 seconds. */
export const reauthWindowMinutes = 0.1;
/** The mail server both e2e servers deliver email to (scripts/e2e-smtp-inbox.mjs), and its HTTP view. */
export const smtpPort = Number(process.env.E2E_SMTP_PORT ?? e2ePort + 17);
export const inboxURL = `http://127.0.0.1:${Number(process.env.E2E_INBOX_PORT ?? e2ePort + 18)}`;
