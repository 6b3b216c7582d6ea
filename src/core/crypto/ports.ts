// Randomness, from outside so tests can fix it.

export interface Random {
  /** `n` random bytes. */
  bytes(n: number): Buffer;
  uuid(): string;
  /** A string of `n` uniformly random decimal digits. */
  digits(n: number): string;
}
