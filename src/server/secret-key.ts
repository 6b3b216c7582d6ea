// The master secret that keys one-time-code digests and device cookies (and, later, the
// encryption of stored second-factor secrets). Production takes it from SECRET_KEY; embedded
// mode generates one on first start and keeps it in the data folder, readable by us only.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { deriveKey } from "../core/crypto/hashing";
import type { CoreKeys } from "../core/deps";
import type { ServerConfig } from "./config";

export function loadMasterSecret(config: Pick<ServerConfig, "mode" | "secretKey" | "dataDir">): Buffer {
  if (config.secretKey) return decodeSecret(config.secretKey, "SECRET_KEY");
  if (config.mode === "production") {
    throw new Error("SECRET_KEY is required with DATABASE_URL: 32 random bytes, base64 (openssl rand -base64 32).");
  }
  const file = join(config.dataDir, "secret.key");
  if (existsSync(file)) return decodeSecret(readFileSync(file, "utf8").trim(), file);
  mkdirSync(config.dataDir, { recursive: true });
  const secret = randomBytes(32);
  writeFileSync(file, `${secret.toString("base64")}\n`, { mode: 0o600, flag: "wx" });
  return secret;
}

export function deriveCoreKeys(master: Buffer): CoreKeys {
  return {
    oneTimeCodes: deriveKey(master, "one-time-codes"),
    deviceCookies: deriveKey(master, "device-cookies"),
    // issue 5
    totpSecrets: deriveKey(master, "totp-secrets"),
    backupCodes: deriveKey(master, "backup-codes"),
    profilePins: deriveKey(master, "profile-pins"),
  };
}

function decodeSecret(text: string, source: string): Buffer {
  const secret = Buffer.from(text, "base64");
  if (secret.length < 32) throw new Error(`${source} must hold at least 32 bytes, base64-encoded.`);
  return secret;
}
