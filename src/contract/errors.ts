// The one catalogue of public error codes. Codes are public API: stable names, each with the
// HTTP status it answers with. The message a person reads is in each language's catalogue
// (src/locales/<language>/api.json), chosen by the request's Accept-Language. Browser-safe.

export const errorCatalogue = {
  // Request shape
  VALIDATION_FAILED: { status: 400 },
  MALFORMED_JSON: { status: 400 },
  EMPTY_BODY: { status: 400 },
  PAYLOAD_TOO_LARGE: { status: 413 },
  UNSUPPORTED_MEDIA_TYPE: { status: 415 },
  BAD_REQUEST: { status: 400 },
  NOT_FOUND: { status: 404 },
  METHOD_NOT_ALLOWED: { status: 405 },
  CROSS_ORIGIN_REQUEST: { status: 403 },
  RATE_LIMITED: { status: 429 },
  INTERNAL_ERROR: { status: 500 },

  // Signing in and sessions
  INVALID_CREDENTIALS: { status: 401 },
  SESSION_NOT_FOUND: { status: 404 },
  UNAUTHENTICATED: { status: 401 },
  SESSION_REVOKED: { status: 401 },
  SESSION_EXPIRED: { status: 401 },
  ACCOUNT_LOCKED: { status: 403 },
  EMAIL_TAKEN: { status: 409 },
  INVALID_EMAIL: { status: 400 },

  // Passwords
  PASSWORD_TOO_SHORT: { status: 400 },
  PASSWORD_TOO_LONG: { status: 400 },
  PASSWORD_TOO_COMMON: { status: 400 },
  WRONG_PASSWORD: { status: 403 },
  PASSWORD_UNCHANGED: { status: 400 },

  // Profiles
  PROFILE_NOT_FOUND: { status: 404 },
  PROFILE_LIMIT_REACHED: { status: 409 },
  PROFILE_NAME_TAKEN: { status: 409 },
  LAST_PROFILE: { status: 409 },
  KIDS_PROFILE: { status: 403 },

  // Phone
  INVALID_PHONE: { status: 400 },
  PHONE_NOT_MOBILE: { status: 400 },
  PHONE_IN_USE: { status: 409 },
  NO_PHONE: { status: 404 },
  PHONE_ALREADY_VERIFIED: { status: 409 },
  CODE_INVALID: { status: 400 },
  CODE_EXPIRED: { status: 410 },
  CODE_ATTEMPTS_EXCEEDED: { status: 410 },

  // TV sign-in: the code a TV shows, entered on a phone or computer
  TV_CODE_NOT_FOUND: { status: 404 },
  TV_CODE_EXPIRED: { status: 410 },
  TV_CODE_ALREADY_USED: { status: 409 },
  // ---- Re-authentication, two-step verification, passkeys, profile lock ----
  REAUTH_REQUIRED: { status: 403 },
  TWO_STEP_CODE_INVALID: { status: 400 },
  TWO_STEP_CODE_USED: { status: 400 },
  TWO_STEP_CHALLENGE_INVALID: { status: 400 },
  TWO_STEP_CHALLENGE_EXPIRED: { status: 410 },
  TWO_STEP_ATTEMPTS_EXCEEDED: { status: 410 },
  TOTP_ALREADY_ENABLED: { status: 409 },
  TOTP_NOT_ENABLED: { status: 404 },
  TOTP_SETUP_NOT_STARTED: { status: 404 },
  NO_PASSKEYS: { status: 409 },
  PASSKEY_STEP_UNCHANGED: { status: 409 },
  TWO_STEP_NOT_ENABLED: { status: 409 },
  PASSKEY_NOT_FOUND: { status: 404 },
  PASSKEY_INVALID: { status: 400 },
  PASSKEY_UNKNOWN: { status: 401 },
  PASSKEY_ALREADY_REGISTERED: { status: 409 },
  PASSKEY_CHALLENGE_EXPIRED: { status: 410 },
  PROFILE_LOCKED: { status: 403 },
  INVALID_PIN: { status: 403 },
  MAIN_PROFILE_NOT_LOCKED: { status: 409 },
  PIN_REQUIRED: { status: 403 },
  EXIT_KIDS_PASSWORD_REQUIRED: { status: 403 },
  KIDS_RATING_TOO_HIGH: { status: 400 },
  UNKNOWN_TITLE: { status: 400 },
  // Email verification and forgot password
  LINK_INVALID: { status: 400 },
  LINK_EXPIRED: { status: 410 },
  EMAIL_ALREADY_VERIFIED: { status: 409 },
  INVALID_CURSOR: { status: 400 },
  EMAIL_UNCHANGED: { status: 400 },
  SIGN_IN_CODE_INVALID: { status: 400 },
  TOO_MANY_STREAMS: { status: 409 },
  STREAM_ENDED: { status: 410 },
  STREAM_NOT_FOUND: { status: 404 },
  TITLE_NOT_FOUND: { status: 404 },
  TITLE_RESTRICTED: { status: 403 },
  RESET_CODE_INVALID: { status: 400 },
} as const satisfies Record<string, { status: number }>;

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
