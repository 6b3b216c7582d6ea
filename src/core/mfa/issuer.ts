// How the account appears in an authenticator app's list: its email, which the owner knows.
export function accountLabel(email: string): string {
  return email;
}
