// Password hashing (argon2id in src/adapters/passwords).

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /**
   * Checks a password against a stored hash. With `null` it still pays one full
   * verification and answers false, so an unknown email costs what a wrong password does.
   */
  verify(hash: string | null, password: string): Promise<boolean>;
}
