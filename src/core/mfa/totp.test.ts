// Our RFC 6238 implementation against the RFC's own test vectors and an independent
// generator (the otpauth package).

import * as OTPAuth from "otpauth";
import { describe, expect, it } from "vitest";
import { base32Decode, base32Encode, matchTotp, otpauthUri, totpCode, totpStep } from "./totp";

// RFC 6238 appendix B, SHA-1 seed "12345678901234567890" (8-digit values; we show the last 6).
const rfcSeed = Buffer.from("12345678901234567890", "ascii");
const rfcVectors: [number, string][] = [
  [59, "94287082"],
  [1111111109, "07081804"],
  [1111111111, "14050471"],
  [1234567890, "89005924"],
  [2000000000, "69279037"],
];

describe("TOTP (RFC 6238)", () => {
  it("matches the RFC's SHA-1 test vectors", () => {
    for (const [seconds, eightDigits] of rfcVectors) {
      expect(totpCode(rfcSeed, totpStep(new Date(seconds * 1000)))).toBe(eightDigits.slice(2));
    }
  });

  it("agrees with an independent generator, and round-trips base32", () => {
    const secret = Buffer.from("a secret of twenty b", "ascii");
    const encoded = base32Encode(secret);
    expect(base32Decode(encoded).equals(secret)).toBe(true);
    const theirs = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(encoded), digits: 6, period: 30, algorithm: "SHA1" });
    expect(encoded).toBe(OTPAuth.Secret.fromBase32(encoded).base32);
    const at = new Date("2026-05-01T10:00:07Z");
    expect(totpCode(secret, totpStep(at))).toBe(theirs.generate({ timestamp: at.getTime() }));
  });

  it("accepts one step either side of now and nothing further", () => {
    const secret = Buffer.from("0123456789abcdefghij");
    const at = new Date("2026-05-01T10:00:15Z");
    const now = totpStep(at);
    expect(matchTotp(secret, totpCode(secret, now - 1), at)).toBe(now - 1);
    expect(matchTotp(secret, totpCode(secret, now + 1), at)).toBe(now + 1);
    expect(matchTotp(secret, totpCode(secret, now - 2), at)).toBeNull();
    expect(matchTotp(secret, "12345", at)).toBeNull();
  });

  it("builds an otpauth URI that the independent library reads back", () => {
    const uri = otpauthUri("JBSWY3DPEHPK3PXP", "Usher", "viewer@example.com");
    const parsed = OTPAuth.URI.parse(uri) as OTPAuth.TOTP;
    expect(parsed.issuer).toBe("Usher");
    expect(parsed.label).toBe("viewer@example.com");
    expect(parsed.secret.base32).toBe("JBSWY3DPEHPK3PXP");
  });
});
