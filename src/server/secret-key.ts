// The master secret that keys one-time-code digests and device cookies, and from which the key
// that encrypts stored second-factor secrets is derived. Production takes it from SECRET_KEY; embedded
// mode generates one on first start and keeps it in the data folder, readable by us only.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { deriveKey } from "../core/crypto/hashing";
import type { CoreKeys } from "../core/deps";
import type { ServerConfig } from "./config/server-config";

/**
 * SECRET_KEY as the configuration takes it, checked with the other variables before anything
 * connects: required in production mode, and never too short. Its value is never in a message.
 */
export function readSecretKey(raw: string | undefined, production: boolean): string | undefined {
  const text = raw?.trim() || undefined;
  if (text === undefined && production) {
    throw new Error("SECRET_KEY is required with DATABASE_URL: 32 random bytes, base64 (openssl rand -base64 32).");
  }
  if (text !== undefined) decodeSecret(text, "SECRET_KEY");
  return text;
}

export function loadMasterSecret(config: Pick<ServerConfig, "mode" | "secretKey" | "dataDir">): Buffer {
  const secretKey = readSecretKey(config.secretKey, config.mode === "production");
  if (secretKey) return Buffer.from(secretKey, "base64");
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
    totpSecrets: deriveKey(master, "totp-secrets"),
    backupCodes: deriveKey(master, "backup-codes"),
    profilePins: deriveKey(master, "profile-pins"),
    webhookSecrets: deriveKey(master, "webhook-secrets"),
  };
}

// Decoded as it always was (Node skips characters outside base64), so a key that worked keeps
// deriving the same keys; only the length is checked.
function decodeSecret(text: string, source: string): Buffer {
  const secret = Buffer.from(text, "base64");
  if (secret.length < 32) {
    throw new Error(`${source} must hold at least 32 random bytes, base64-encoded (openssl rand -base64 32); it holds ${secret.length}.`);
  }
  return secret;
}
