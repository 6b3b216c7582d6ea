// Encryption for secrets we must read back (authenticator-app seeds): AES-256-GCM with a
// fresh 96-bit IV per message. The stored form is "v1.<iv>.<ciphertext>.<tag>" in base64url;
// `purpose` is bound as associated data so a ciphertext can't be moved to another row.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

export function encryptSecret(key: Buffer, plaintext: string, purpose: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(purpose, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", iv, ciphertext, cipher.getAuthTag()]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}

/** Answers null when the text was not made by encryptSecret with this key and purpose. */
export function decryptSecret(key: Buffer, sealed: string, purpose: string): string | null {
  const [version, iv, ciphertext, tag] = sealed.split(".");
  if (version !== "v1" || !iv || ciphertext === undefined || !tag) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(purpose, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
