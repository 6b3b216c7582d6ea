// The password policy for new passwords (sign-up, change, reset): 8–128 characters after
// Unicode normalisation, and not a common one. Normalising before hashing and verifying
// means the same password typed on two keyboards (composed é vs e + accent) still matches.
import { fail, ok, type Result } from "../result";
import { isCommonPassword } from "./common-passwords";

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;

/** The form a password is hashed and verified in. */
export function normalizePassword(password: string): string {
  return password.normalize("NFKC");
}

export type NewPasswordProblem = "PASSWORD_TOO_SHORT" | "PASSWORD_TOO_LONG" | "PASSWORD_TOO_COMMON";

/** Answers the normalized password to hash, or why it is refused. */
export function checkNewPassword(password: string): Result<string, NewPasswordProblem> {
  const normal = normalizePassword(password);
  // Code points, not UTF-16 units, so an emoji counts as one character as a person sees it.
  const length = [...normal].length;
  if (length < MIN_PASSWORD_LENGTH) return fail("PASSWORD_TOO_SHORT");
  if (length > MAX_PASSWORD_LENGTH) return fail("PASSWORD_TOO_LONG");
  if (isCommonPassword(normal)) return fail("PASSWORD_TOO_COMMON");
  return ok(normal);
}
