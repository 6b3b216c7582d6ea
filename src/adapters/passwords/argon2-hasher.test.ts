import { performance } from "node:perf_hooks";
import { describe, expect, it } from "vitest";
import { type Argon2Params, createArgon2Hasher, owaspArgon2Params } from "./argon2-hasher";

// Cheap parameters, for the tests that are not about the OWASP cost itself.
const cheap: Argon2Params = { memoryKiB: 1024, iterations: 1, parallelism: 1 };

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

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
    // Warm both paths (the first null verify also makes the dummy hash).
    await hasher.verify(null, "warm-up");
    await hasher.verify(stored, "warm-up");

    const wrong: number[] = [];
    const unknown: number[] = [];
    for (let run = 0; run < 5; run += 1) {
      wrong.push(await timed(() => hasher.verify(stored, `wrong-${run}`)));
      unknown.push(await timed(() => hasher.verify(null, `wrong-${run}`)));
    }
    // A structural check, not a speed target: skipping the verification would take ~0 ms.
    expect(median(unknown)).toBeGreaterThanOrEqual(median(wrong) / 2);
  });
});
