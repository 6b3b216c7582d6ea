import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret } from "./secret-box";

describe("secret box (AES-256-GCM)", () => {
  const key = randomBytes(32);

  it("opens what it sealed, and seals the same text differently each time", () => {
    const a = encryptSecret(key, "JBSWY3DPEHPK3PXP", "totp:1");
    const b = encryptSecret(key, "JBSWY3DPEHPK3PXP", "totp:1");
    expect(a).not.toBe(b);
    expect(a).not.toContain("JBSWY3DPEHPK3PXP");
    expect(decryptSecret(key, a, "totp:1")).toBe("JBSWY3DPEHPK3PXP");
  });

  it("refuses another key, another purpose (row), a tampered ciphertext and junk", () => {
    const sealed = encryptSecret(key, "JBSWY3DPEHPK3PXP", "totp:1");
    expect(decryptSecret(randomBytes(32), sealed, "totp:1")).toBeNull();
    expect(decryptSecret(key, sealed, "totp:2")).toBeNull();
    const [v, iv, ct, tag] = sealed.split(".");
    const flipped = Buffer.from(ct!, "base64url");
    flipped[0]! ^= 1;
    expect(decryptSecret(key, [v, iv, flipped.toString("base64url"), tag].join("."), "totp:1")).toBeNull();
    expect(decryptSecret(key, "v1.abc", "totp:1")).toBeNull();
    expect(decryptSecret(key, "", "totp:1")).toBeNull();
  });
});
