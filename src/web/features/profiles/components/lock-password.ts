// Every change to a profile lock takes the account password, however recently it was typed on
// this device (it may have changed hands since); each place asks for it in the same words.
export const lockPassword = {
  label: "Account password",
  hint: "Profile locks always ask for it.",
  missing: "Enter your account password.",
} as const;
