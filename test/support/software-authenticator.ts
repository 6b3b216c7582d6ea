// A software WebAuthn authenticator for route tests: real ES256 keys (node:crypto), real
// authenticator data, 'none' attestation and clientDataJSON, so @simplewebauthn/server
// verifies exactly what a browser would send. Nothing in the server is stubbed.
import { createHash, generateKeyPairSync, type KeyObject, randomBytes, sign } from "node:crypto";
import { isoCBOR } from "@simplewebauthn/server/helpers";

const b64url = (bytes: Uint8Array | Buffer | string) => Buffer.from(bytes).toString("base64url");
const sha256 = (data: Buffer | string) => createHash("sha256").update(data).digest();

export interface SoftwarePasskey {
  id: string;
  privateKey: KeyObject;
  cosePublicKey: Uint8Array;
  userHandle: string | null;
  counter: number;
}

export class SoftwareAuthenticator {
  constructor(
    readonly origin = "http://localhost:3000",
    readonly rpId = "localhost",
  ) {}

  private authData(flags: number, counter: number, attested?: SoftwarePasskey): Buffer {
    const count = Buffer.alloc(4);
    count.writeUInt32BE(counter);
    const parts = [sha256(this.rpId), Buffer.from([flags]), count];
    if (attested) {
      const id = Buffer.from(attested.id, "base64url");
      const length = Buffer.alloc(2);
      length.writeUInt16BE(id.length);
      parts.push(Buffer.alloc(16), length, id, Buffer.from(attested.cosePublicKey));
    }
    return Buffer.concat(parts);
  }

  private clientData(type: "webauthn.create" | "webauthn.get", challenge: string, origin = this.origin): Buffer {
    return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
  }

  /** navigator.credentials.create(): a new passkey for `options` (as the server sent them). */
  register(options: { challenge: string; user?: { id: string } }, overrides: { origin?: string } = {}) {
    const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const jwk = publicKey.export({ format: "jwk" });
    const cose = new Map<number, number | Uint8Array>([
      [1, 2], // kty: EC2
      [3, -7], // alg: ES256
      [-1, 1], // crv: P-256
      [-2, new Uint8Array(Buffer.from(jwk.x!, "base64url"))],
      [-3, new Uint8Array(Buffer.from(jwk.y!, "base64url"))],
    ]);
    const passkey: SoftwarePasskey = {
      id: b64url(randomBytes(16)),
      privateKey,
      cosePublicKey: isoCBOR.encode(cose),
      userHandle: options.user?.id ?? null,
      counter: 0,
    };
    // Flags: user present (0x01), user verified (0x04), attested credential data (0x40).
    const authData = this.authData(0x45, 0, passkey);
    const attestationObject = isoCBOR.encode(
      new Map<string, string | Uint8Array | Map<string, string>>([
        ["fmt", "none"],
        ["attStmt", new Map<string, string>()],
        ["authData", new Uint8Array(authData)],
      ]),
    );
    const response = {
      id: passkey.id,
      rawId: passkey.id,
      type: "public-key" as const,
      response: {
        clientDataJSON: b64url(this.clientData("webauthn.create", options.challenge, overrides.origin)),
        attestationObject: b64url(attestationObject),
        transports: ["internal"],
      },
      clientExtensionResults: {},
      authenticatorAttachment: "platform",
    };
    return { passkey, response };
  }

  /** navigator.credentials.get(): an assertion by `passkey` over `options.challenge`. */
  assert(passkey: SoftwarePasskey, options: { challenge: string }, overrides: { origin?: string } = {}) {
    passkey.counter += 1;
    const authData = this.authData(0x05, passkey.counter);
    const clientDataJSON = this.clientData("webauthn.get", options.challenge, overrides.origin);
    const signature = sign("sha256", Buffer.concat([authData, sha256(clientDataJSON)]), passkey.privateKey);
    return {
      id: passkey.id,
      rawId: passkey.id,
      type: "public-key" as const,
      response: {
        clientDataJSON: b64url(clientDataJSON),
        authenticatorData: b64url(authData),
        signature: b64url(signature),
        ...(passkey.userHandle ? { userHandle: passkey.userHandle } : {}),
      },
      clientExtensionResults: {},
      authenticatorAttachment: "platform",
    };
  }
}
