// Password hashing with argon2id (@node-rs/argon2). Parameters come from config; the OWASP
// minimum is the default, and only tests that say so use cheaper ones.
import { availableParallelism } from "node:os";
import { hash, type Options, parseOptions, verify } from "@node-rs/argon2";
import type { PasswordHasher } from "../../core/passwords/ports";
import { workSlots } from "../../core/passwords/work-slots";

export interface Argon2Params {
  memoryKiB: number;
  iterations: number;
  parallelism: number;
}

/** OWASP Password Storage Cheat Sheet: argon2id, m=19 MiB, t=2, p=1. */
export const owaspArgon2Params: Argon2Params = { memoryKiB: 19456, iterations: 2, parallelism: 1 };

// @node-rs/argon2 declares `Algorithm` as an ambient const enum, which isolatedModules
// cannot inline; 2 is its `Algorithm.Argon2id`.
const ARGON2ID = 2 as Options["algorithm"];

// Hashed only to give an unknown account something to verify against; never a real password.
const DUMMY_PASSWORD = "usher-dummy-password-for-unknown-accounts";

/** The metrics read how many hashes wait: a queue that grows is a node short of CPU. */
export interface Argon2Hasher extends PasswordHasher {
  readonly waiting: number;
}

/**
 * At most `concurrency` hashes run at once (default: one per core); the rest wait their turn.
 * More at once would not finish sooner, since each keeps a core busy, but each would hold its
 * 19 MiB and push the others out of the CPU caches: a burst of sign-ins would cost memory and
 * throughput.
 */
export function createArgon2Hasher(params: Argon2Params, concurrency = availableParallelism()): Argon2Hasher {
  const slot = workSlots(concurrency);
  const options: Options = {
    algorithm: ARGON2ID,
    memoryCost: params.memoryKiB,
    timeCost: params.iterations,
    parallelism: params.parallelism,
  };

  // Made on first need with the same parameters as real hashes, so verifying against it
  // costs exactly what verifying a real one does. A failed attempt is retried next time.
  let dummyHash: Promise<string> | undefined;
  const getDummyHash = (): Promise<string> => {
    dummyHash ??= slot(() => hash(DUMMY_PASSWORD, options)).catch((error: unknown) => {
      dummyHash = undefined;
      throw error;
    });
    return dummyHash;
  };

  return {
    get waiting() {
      return slot.waiting;
    },

    hash: (password) => slot(() => hash(password, options)),

    async verify(stored, password) {
      if (stored === null) {
        // Unknown account: pay a full verification anyway so timing doesn't reveal it.
        const dummy = await getDummyHash();
        await slot(() => verify(dummy, password));
        return false;
      }
      try {
        parseOptions(stored);
      } catch {
        // A corrupt stored hash matches no password. Checked up front so that a fault
        // inside verify itself still surfaces as the infrastructure error it is.
        return false;
      }
      // The PHC string carries its own parameters, so hashes made under older settings
      // still verify after the config changes.
      return slot(() => verify(stored, password));
    },
  };
}
