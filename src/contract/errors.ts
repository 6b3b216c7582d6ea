// The one catalogue of public error codes. Codes are public API: stable names, each with
// the HTTP status it answers with and a message a person can read. Browser-safe.

export const errorCatalogue = {
  // Request shape
  VALIDATION_FAILED: { status: 400, message: "Some fields are missing or not valid." },
  MALFORMED_JSON: { status: 400, message: "The request body is not valid JSON." },
  EMPTY_BODY: { status: 400, message: "The request body is empty; JSON was expected." },
  PAYLOAD_TOO_LARGE: { status: 413, message: "The request body is larger than 16 KiB." },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: "Send the request body as application/json." },
  BAD_REQUEST: { status: 400, message: "The request could not be understood." },
  NOT_FOUND: { status: 404, message: "There is nothing at this address." },
  METHOD_NOT_ALLOWED: { status: 405, message: "This method is not allowed here." },
  CROSS_ORIGIN_REQUEST: {
    status: 403,
    message: "This request did not come from the Usher app's own site, so it was refused.",
  },
  RATE_LIMITED: { status: 429, message: "Too many attempts. Wait a little and try again." },
  INTERNAL_ERROR: { status: 500, message: "Something went wrong on our side. Please try again." },

  // Signing in and sessions
  INVALID_CREDENTIALS: { status: 401, message: "That email and password don't match an account." },
  SESSION_NOT_FOUND: { status: 404, message: "That device isn't signed in to your account." },
  UNAUTHENTICATED: { status: 401, message: "Sign in to continue." },
  SESSION_REVOKED: { status: 401, message: "You were signed out on this device. Sign in again." },
  SESSION_EXPIRED: { status: 401, message: "Your session has expired. Sign in again." },
  ACCOUNT_LOCKED: {
    status: 403,
    message: "This account is locked, so it can't be signed in to. Contact Usher support to find out why and to unlock it.",
  },
  EMAIL_TAKEN: { status: 409, message: "An account with this email already exists. Sign in instead." },
  INVALID_EMAIL: { status: 400, message: "Enter a valid email address." },

  // Passwords
  PASSWORD_TOO_SHORT: { status: 400, message: "Use at least 8 characters for your password." },
  PASSWORD_TOO_LONG: { status: 400, message: "Use at most 128 characters for your password." },
  PASSWORD_TOO_COMMON: {
    status: 400,
    message: "This password is one of the most common ones. Choose a less common password.",
  },
  WRONG_PASSWORD: { status: 403, message: "Your current password is incorrect." },
  PASSWORD_UNCHANGED: { status: 400, message: "Your new password must be different from the current one." },

  // Profiles
  PROFILE_NOT_FOUND: { status: 404, message: "That profile doesn't exist." },
  PROFILE_LIMIT_REACHED: { status: 409, message: "An account can have at most 5 profiles." },
  PROFILE_NAME_TAKEN: { status: 409, message: "Another profile on this account already has that name." },
  LAST_PROFILE: { status: 409, message: "An account needs at least one profile, so the last one can't be deleted." },
  KIDS_PROFILE: { status: 403, message: "A Kids profile can't do this. Switch to another profile." },

  // Phone
  INVALID_PHONE: { status: 400, message: "Enter a valid phone number, with its country code." },
  PHONE_NOT_MOBILE: {
    status: 400,
    message: "This number can't receive text messages. Enter a mobile number.",
  },
  PHONE_IN_USE: { status: 409, message: "This phone number is already verified on another account." },
  NO_PHONE: { status: 404, message: "There is no phone number on this account." },
  PHONE_ALREADY_VERIFIED: { status: 409, message: "This phone number is already verified." },
  CODE_INVALID: { status: 400, message: "That code is not right. Check the text message and try again." },
  CODE_EXPIRED: { status: 410, message: "That code has expired. Ask for a new one." },
  CODE_ATTEMPTS_EXCEEDED: { status: 410, message: "Too many wrong codes. Ask for a new one." },

  // TV sign-in: the code a TV shows, entered on a phone or computer
  TV_CODE_NOT_FOUND: { status: 404, message: "That code isn't right. Check the code on your TV and try again." },
  TV_CODE_EXPIRED: { status: 410, message: "That code has expired. Start again on your TV to get a new one." },
  TV_CODE_ALREADY_USED: { status: 409, message: "That code has already been used. Start again on your TV to get a new one." },
  // ---- Re-authentication, two-step verification, passkeys, profile lock ----
  REAUTH_REQUIRED: {
    status: 403,
    message: "For your security, confirm it's you: enter your password (or use a passkey) to continue.",
  },
  TWO_STEP_CODE_INVALID: { status: 400, message: "That code isn't right. Check your authenticator app or backup codes and try again." },
  TWO_STEP_CODE_USED: {
    status: 400,
    message: "That code was already used. Wait for a new code in your authenticator app, or use another backup code.",
  },
  TWO_STEP_CHALLENGE_INVALID: { status: 400, message: "This sign-in attempt is no longer valid. Sign in again." },
  TWO_STEP_CHALLENGE_EXPIRED: { status: 410, message: "This sign-in attempt has expired. Sign in again." },
  TWO_STEP_ATTEMPTS_EXCEEDED: { status: 410, message: "Too many wrong codes for this sign-in attempt. Sign in again." },
  TOTP_ALREADY_ENABLED: { status: 409, message: "An authenticator app is already set up. Turn it off before setting up another." },
  TOTP_NOT_ENABLED: { status: 404, message: "No authenticator app is set up on this account." },
  TOTP_SETUP_NOT_STARTED: { status: 404, message: "Start setting up the authenticator app first." },
  NO_PASSKEYS: { status: 409, message: "Add a passkey first: then you can be asked for it after your password." },
  PASSKEY_STEP_UNCHANGED: { status: 409, message: "That is already how you sign in. Reload the page to see your settings." },
  TWO_STEP_NOT_ENABLED: { status: 409, message: "Turn on two-step verification first." },
  PASSKEY_NOT_FOUND: { status: 404, message: "That passkey isn't on your account." },
  PASSKEY_INVALID: { status: 400, message: "That passkey couldn't be verified. Try again." },
  PASSKEY_UNKNOWN: { status: 401, message: "That passkey isn't registered to this account." },
  PASSKEY_ALREADY_REGISTERED: { status: 409, message: "This passkey is already registered." },
  PASSKEY_CHALLENGE_EXPIRED: { status: 410, message: "The passkey request has expired. Try again." },
  PROFILE_LOCKED: { status: 403, message: "This profile is locked. Enter its 4-digit PIN." },
  INVALID_PIN: { status: 403, message: "That PIN isn't right." },
  MAIN_PROFILE_NOT_LOCKED: {
    status: 409,
    message: "Lock the main profile with a PIN first: its PIN is the one asked for when adding profiles.",
  },
  PIN_REQUIRED: { status: 403, message: "Enter the profile PIN to add a new profile." },
  EXIT_KIDS_PASSWORD_REQUIRED: {
    status: 403,
    message: "Leaving a Kids profile needs the account password. Enter it to switch profiles.",
  },
  KIDS_RATING_TOO_HIGH: { status: 400, message: "A Kids profile can watch titles rated up to 13+, no higher." },
  UNKNOWN_TITLE: { status: 400, message: "One of the titles to block isn't in the catalogue. Search for it again." },
  // Email verification and forgot password
  LINK_INVALID: { status: 400, message: "This link is not valid. Copy the whole link from the email, or ask for a new one." },
  LINK_EXPIRED: { status: 410, message: "This link has expired or was already used. Ask for a new one." },
  EMAIL_ALREADY_VERIFIED: { status: 409, message: "Your email address is already verified." },
  INVALID_CURSOR: { status: 400, message: "That page of results doesn't exist. Start again from the first page." },
  EMAIL_UNCHANGED: { status: 400, message: "That is already your email address." },
  SIGN_IN_CODE_INVALID: {
    status: 400,
    message: "That code is not right, or it has expired. Check the newest email or text message, or ask for a new code.",
  },
  TOO_MANY_STREAMS: {
    status: 409,
    message: "Too many people are using your account right now. Stop watching on another device, or change your plan.",
  },
  STREAM_ENDED: { status: 410, message: "This stream has ended." },
  STREAM_NOT_FOUND: { status: 404, message: "There is no such stream." },
  TITLE_NOT_FOUND: { status: 404, message: "There is no such title in the catalogue." },
  TITLE_RESTRICTED: {
    status: 403,
    message: "This title isn't available on this profile. Its maturity rating or the profile's parental controls keep it out.",
  },
  RESET_CODE_INVALID: {
    status: 400,
    message: "That code is not right, or it has expired. Check the text message, or ask for a new code.",
  },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorCatalogue;

/** The body of every error answer. */
export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    /** Field-level problems, for VALIDATION_FAILED. */
    issues?: { path: string; message: string }[];
    /**
     * For SESSION_REVOKED, why the session ended: "signed_out", "signed_out_all_devices",
     * "signed_out_by_other_device", "password_changed", "reauthenticated" (a proof replaced the
     * token), "replaced" (the browser signed in again), "revoked_by_support", "account_locked" or
     * "account_deleted".
     */
    reason?: string;
  };
}

export function errorBody(code: ErrorCode, issues?: ErrorBody["error"]["issues"], reason?: string): ErrorBody {
  const { message } = errorCatalogue[code];
  return { error: { code, message, ...(issues ? { issues } : {}), ...(reason ? { reason } : {}) } };
}
