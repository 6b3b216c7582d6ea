// What service clients need stored: the platform's services (playback, catalogue, …) that
// ask Usher about sessions, each known by an id and the SHA-256 digest of its secret.

export interface ServiceClientRecord {
  id: string;
  name: string;
  /** SHA-256 (hex) of the secret; the secret itself is shown once and never stored. */
  secretDigest: string;
  createdAt: Date;
  /** When the secret was last replaced (null: never since the client was added). */
  secretRotatedAt: Date | null;
}

export interface ServiceClientStore {
  find(id: string): Promise<ServiceClientRecord | null>;
  /** Oldest first. */
  list(): Promise<ServiceClientRecord[]>;
  /** False when the id is taken. */
  add(client: ServiceClientRecord): Promise<boolean>;
  /** False when there was no such client. */
  remove(id: string): Promise<boolean>;
  /** False when there was no such client. */
  replaceSecret(id: string, secretDigest: string, at: Date): Promise<boolean>;
}
