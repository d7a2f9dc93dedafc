// Encryption at rest for what people write in private (AES-256-GCM: confidential and authenticated).
// The key never lives in the database: it comes from ENCRYPTION_KEY, or, for the embedded default, from
// a key file made on first start in DATA_DIR, readable by the owner only. Old keys stay readable during
// a rotation (ENCRYPTION_KEYS_OLD). Every value is bound to where it belongs (its "context", such as a
// table and row id), so a ciphertext copied to another row does not decrypt.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { AppError } from "./errors.ts";

export const KEY_FILE = "encryption.key";
const FORMAT = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface Keyring {
  /** The id of the key new values are written with. */
  currentId: string;
  /** Where the current key came from, for the start-up log (never the key itself). */
  source: "ENCRYPTION_KEY" | "key file";
  encrypt(plaintext: string, context: string): string;
  decrypt(ciphertext: string, context: string): string;
  /** Whether a value was written with an older key and should be written again. */
  isStale(ciphertext: string): boolean;
}

/** Reads a 32-byte key written as base64, base64url or hex; undefined for anything else. */
export function parseKey(text: string): Buffer | undefined {
  const value = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, "hex");
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(value)) {
    const key = Buffer.from(value.replace(/-/g, "+").replace(/_/g, "/"), "base64");
    return key.length === 32 ? key : undefined;
  }
  return undefined;
}

export function keyIdOf(key: Buffer): string {
  return createHash("sha256").update("vakmanschap key id\0").update(key).digest("base64url").slice(0, 10);
}

/** A new random key, written as base64url, for an operator to put in ENCRYPTION_KEY. */
export function generateKey(): string {
  return randomBytes(32).toString("base64url");
}

export function createKeyring(options: {
  current: Buffer;
  old?: Buffer[];
  source: Keyring["source"];
}): Keyring {
  const keys = new Map<string, Buffer>();
  for (const key of [options.current, ...(options.old ?? [])]) keys.set(keyIdOf(key), key);
  const currentId = keyIdOf(options.current);

  return {
    currentId,
    source: options.source,
    encrypt(plaintext, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", options.current, iv);
      cipher.setAAD(Buffer.from(context, "utf8"));
      const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
      return [FORMAT, currentId, iv.toString("base64url"), body.toString("base64url")].join(":");
    },
    decrypt(ciphertext, context) {
      const [format, id, ivText, bodyText] = ciphertext.split(":");
      if (format !== FORMAT || !id || !ivText || !bodyText) {
        throw new AppError("unavailable", "Deze gegevens zijn beschadigd en kunnen niet worden gelezen.");
      }
      const key = keys.get(id);
      if (!key) {
        throw new AppError(
          "unavailable",
          "De sleutel om deze gegevens te lezen ontbreekt. De beheerder moet de oude sleutel terugzetten (ENCRYPTION_KEYS_OLD).",
        );
      }
      const body = Buffer.from(bodyText, "base64url");
      try {
        const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(ivText, "base64url"));
        decipher.setAAD(Buffer.from(context, "utf8"));
        decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
        return Buffer.concat([
          decipher.update(body.subarray(0, body.length - TAG_BYTES)),
          decipher.final(),
        ]).toString("utf8");
      } catch (error) {
        throw new AppError("unavailable", "Deze gegevens zijn beschadigd en kunnen niet worden gelezen.", {
          cause: error,
        });
      }
    },
    isStale(ciphertext) {
      return ciphertext.split(":")[1] !== currentId;
    },
  };
}

/**
 * The keyring of this installation: ENCRYPTION_KEY when set; otherwise the key file in the data folder,
 * made with owner-only permissions on first use (also when two processes start at once).
 */
export function loadKeyring(options: { key?: string; oldKeys?: string[]; dataDir: string }): Keyring {
  const old = (options.oldKeys ?? []).map((text, index) => {
    const key = parseKey(text);
    if (!key)
      throw new AppError(
        "invalid",
        `ENCRYPTION_KEYS_OLD: sleutel ${index + 1} is geen sleutel van 32 bytes.`,
      );
    return key;
  });
  if (options.key) {
    const key = parseKey(options.key);
    if (!key) throw new AppError("invalid", "ENCRYPTION_KEY: geen sleutel van 32 bytes (base64 of hex).");
    return createKeyring({ current: key, old, source: "ENCRYPTION_KEY" });
  }
  const file = path.join(options.dataDir, KEY_FILE);
  fs.mkdirSync(options.dataDir, { recursive: true });
  try {
    const descriptor = fs.openSync(file, "wx", 0o600);
    fs.writeSync(descriptor, `${generateKey()}\n`);
    fs.closeSync(descriptor);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  // Made elsewhere with looser permissions: tighten them; the key is as secret as the data.
  if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
  const key = parseKey(fs.readFileSync(file, "utf8"));
  if (!key) throw new AppError("invalid", `${file}: dit bestand bevat geen geldige sleutel.`);
  return createKeyring({ current: key, old, source: "key file" });
}
