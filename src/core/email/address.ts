// Emails are compared case-folded, after Unicode normalisation.
// No real address holds a control character, and PostgreSQL text cannot hold NUL at all.
const EMAIL_SHAPE = /^[^\s@\p{Cc}]{1,64}@[^\s@.\p{Cc}]+(\.[^\s@.\p{Cc}]+)+$/u;

/** The stored form of an email, or null when it is not a plausible address. */
export function normalizeEmail(input: string): string | null {
  const email = input.normalize("NFKC").trim().toLowerCase();
  return email.length <= 254 && EMAIL_SHAPE.test(email) ? email : null;
}

/** "alex.smith+tv@example.com" → "Alex": a friendly first profile name. */
export function profileNameFromEmail(email: string): string {
  const local = email.split("@")[0]!.split("+")[0]!;
  const first = local.split(/[._-]+/u).find((part) => part.length > 0) ?? "";
  const name = first.charAt(0).toUpperCase() + first.slice(1);
  return name.slice(0, 50) || "Me";
}
