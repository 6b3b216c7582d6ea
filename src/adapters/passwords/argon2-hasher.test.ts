import { describe, expect, it, vi } from "vitest";
import { type Argon2Params, createArgon2Hasher, owaspArgon2Params } from "./argon2-hasher";

// Every hash the library is asked to verify against, so a test can see what a verification cost.
const verifiedAgainst = vi.hoisted(() => [] as string[]);
vi.mock("@node-rs/argon2", async (importOriginal) => {
  const argon2 = await importOriginal<typeof import("@node-rs/argon2")>();
  return {
    ...argon2,
    verify: (hashed: string, ...rest: [string]) => {
      verifiedAgainst.push(hashed);
      return argon2.verify(hashed, ...rest);
    },
  };
});

// Cheap parameters, for the tests that are not about the OWASP cost itself.
const cheap: Argon2Params = { memoryKiB: 1024, iterations: 1, parallelism: 1 };

describe("argon2 password hasher", () => {
  it("hashes with argon2id at the OWASP parameters, m=19456 t=2 p=1", async () => {
    const hasher = createArgon2Hasher(owaspArgon2Params);
    const stored = await hasher.hash("Tq7#vLm2pZ9!wR4k");
    expect(stored.startsWith("$argon2id$v=19$m=19456,t=2,p=1$")).toBe(true);
    expect(await hasher.verify(stored, "Tq7#vLm2pZ9!wR4k")).toBe(true);
  });

  it("salts each hash (cheap params for the test)", async () => {
    const hasher = createArgon2Hasher(cheap);
    expect(await hasher.hash("same password")).not.toBe(await hasher.hash("same password"));
  });

  it("verifies the right password and refuses a wrong one (cheap params for the test)", async () => {
    const hasher = createArgon2Hasher(cheap);
    const stored = await hasher.hash("Tq7#vLm2pZ9!wR4k");
    expect(stored.startsWith("$argon2id$v=19$m=1024,t=1,p=1$")).toBe(true);
    expect(await hasher.verify(stored, "Tq7#vLm2pZ9!wR4k")).toBe(true);
    expect(await hasher.verify(stored, "Tq7#vLm2pZ9!wR4K")).toBe(false);
    expect(await hasher.verify(stored, "")).toBe(false);
  });

  it("still verifies a hash made under other parameters, which travel in the hash (cheap params for the test)", async () => {
    const older = await createArgon2Hasher(cheap).hash("Tq7#vLm2pZ9!wR4k");
    const current = createArgon2Hasher({ memoryKiB: 2048, iterations: 2, parallelism: 1 });
    expect(await current.verify(older, "Tq7#vLm2pZ9!wR4k")).toBe(true);
  });

  it("answers false for a stored hash that cannot be parsed (cheap params for the test)", async () => {
    const hasher = createArgon2Hasher(cheap);
    const stored = await hasher.hash("Tq7#vLm2pZ9!wR4k");
    for (const corrupt of ["", "not-a-hash", "$argon2id$v=19$m=1024,t=1,p=1$xx$yy", stored.slice(0, -6)]) {
      expect(await hasher.verify(corrupt, "Tq7#vLm2pZ9!wR4k")).toBe(false);
    }
  });

  it("answers false for an unknown account (null hash), whatever the password (cheap params for the test)", async () => {
    const hasher = createArgon2Hasher(cheap);
    expect(await hasher.verify(null, "Tq7#vLm2pZ9!wR4k")).toBe(false);
    expect(await hasher.verify(null, "usher-dummy-password-for-unknown-accounts")).toBe(false);
    expect(await hasher.verify(null, "")).toBe(false);
  });

  it("makes an unknown account (null hash) pay a full OWASP verification, as a wrong password does", async () => {
    const hasher = createArgon2Hasher(owaspArgon2Params);
    const stored = await hasher.hash("Tq7#vLm2pZ9!wR4k");
    verifiedAgainst.length = 0;
    expect(await hasher.verify(stored, "a-wrong-password")).toBe(false);
    expect(await hasher.verify(null, "a-wrong-password")).toBe(false);
    // Both ran the library's verification against an argon2id hash of the same cost: the
    // unknown account against a dummy hash (never the stored one), so its answer takes as long.
    const [wrong, unknown] = verifiedAgainst.map((hashed) => hashed.split("$"));
    expect(verifiedAgainst).toHaveLength(2);
    expect(wrong?.slice(1, 4)).toEqual(["argon2id", "v=19", "m=19456,t=2,p=1"]);
    expect(unknown?.slice(1, 4)).toEqual(wrong?.slice(1, 4));
    expect(verifiedAgainst[1]).not.toBe(stored);
  });
});
