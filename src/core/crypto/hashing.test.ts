import { describe, expect, it } from "vitest";
import { deriveKey, digestsEqual, hmacSha256Hex, sha256Hex } from "./hashing";

describe("hashing", () => {
  it("digests a token with SHA-256", () => {
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("compares digests only when they are equal and non-empty", () => {
    expect(digestsEqual(sha256Hex("a"), sha256Hex("a"))).toBe(true);
    expect(digestsEqual(sha256Hex("a"), sha256Hex("b"))).toBe(false);
    expect(digestsEqual(sha256Hex("a"), sha256Hex("a").slice(0, 10))).toBe(false);
    expect(digestsEqual("", "")).toBe(false);
  });

  it("derives a different key for each purpose, and keys the code digest with it", () => {
    const master = Buffer.alloc(32, 7);
    const codes = deriveKey(master, "one-time-codes");
    const other = deriveKey(master, "totp");
    expect(codes.equals(other)).toBe(false);
    expect(hmacSha256Hex(codes, "123456")).not.toBe(hmacSha256Hex(other, "123456"));
    expect(hmacSha256Hex(codes, "123456")).not.toBe(sha256Hex("123456"));
  });
});
