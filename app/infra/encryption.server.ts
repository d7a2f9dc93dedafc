// Encryption at rest for what people write in private (AES-256-GCM: confidential and authenticated).
// The key never lives in the database: it comes from ENCRYPTION_KEY, or, for the embedded default, from
// a key file made on first start in DATA_DIR, readable by the owner only. Old keys stay readable during
// a rotation (ENCRYPTION_KEYS_OLD). Every value is bound to where it belongs and to whom (its "context",
// such as a table, row id and owner), so a ciphertext copied to another row, or a row moved to another
// owner, does not decrypt (decision 011).
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { AppError } from "./errors.ts";
import { message } from "./i18n/translate.ts";
import { ensurePrivateFolder, openNewPrivateFile, tightenPrivateFile } from "./private-files.server.ts";

export const KEY_FILE = "encryption.key";
// v2 binds the format and the caller's context (with the owner) as authenticated data; v1, written
// before the owner was bound, authenticated the bare context of its day and is still read (see decrypt).
const FORMAT = "v2";
const LEGACY_FORMAT = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface Keyring {
  /** The id of the key new values are written with. */
  currentId: string;
  /** Where the current key came from, for the start-up log (never the key itself). */
  source: "ENCRYPTION_KEY" | "key file";
  encrypt(plaintext: string, context: string): string;
  /**
   * Reads a value written for `context`. A value of the old format (v1) was bound to the context of its
   * day: pass that as `legacyContext` where it differs (it did not name the owner); it is read with it
   * and reported stale, so the next write and `vakmanschap key rotate` store it in the current format.
   */
  decrypt(ciphertext: string, context: string, options?: { legacyContext?: string }): string;
  /** Whether a value was written with an older key or in the old format, and should be written again. */
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
      const cipher = createCipheriv("aes-256-gcm", options.current, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(authenticatedData(FORMAT, context));
      const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
      return [FORMAT, currentId, iv.toString("base64url"), body.toString("base64url")].join(":");
    },
    decrypt(ciphertext, context, decryptOptions = {}) {
      const [format, id, ivText, bodyText, ...rest] = ciphertext.split(":");
      if ((format !== FORMAT && format !== LEGACY_FORMAT) || !id || !ivText || !bodyText || rest.length > 0) {
        throw damaged();
      }
      const key = keys.get(id);
      if (!key) {
        throw new AppError("unavailable", "problems.encryption.keyMissing");
      }
      const iv = Buffer.from(ivText, "base64url");
      const body = Buffer.from(bodyText, "base64url");
      // Node accepts shorter GCM tags unless told the length; a 4-byte tag is forged in 2^32 tries.
      if (iv.length !== IV_BYTES || body.length < TAG_BYTES) throw damaged();
      const aad =
        format === FORMAT
          ? authenticatedData(FORMAT, context)
          : Buffer.from(decryptOptions.legacyContext ?? context, "utf8");
      try {
        const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
        decipher.setAAD(aad);
        decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
        return Buffer.concat([
          decipher.update(body.subarray(0, body.length - TAG_BYTES)),
          decipher.final(),
        ]).toString("utf8");
      } catch (error) {
        throw damaged(error);
      }
    },
    isStale(ciphertext) {
      const [format, id] = ciphertext.split(":");
      return format !== FORMAT || id !== currentId;
    },
  };
}

// The format is authenticated too, so a v2 value relabelled as v1 (or the other way round) never reads.
function authenticatedData(format: string, context: string): Buffer {
  return Buffer.from(`${format}:${context}`, "utf8");
}

function damaged(cause?: unknown): AppError {
  return new AppError(
    "unavailable",
    "problems.encryption.damaged",
    cause === undefined ? undefined : { cause },
  );
}

/**
 * The keyring of this installation: ENCRYPTION_KEY when set; otherwise the key file in the data folder,
 * made with owner-only permissions on first use (also when two processes start at once).
 */
export function loadKeyring(options: { key?: string; oldKeys?: string[]; dataDir: string }): Keyring {
  const old = (options.oldKeys ?? []).map((text, index) => {
    const key = parseKey(text);
    if (!key)
      throw new AppError("invalid", message("problems.encryption.oldKeyInvalid", { number: index + 1 }));
    return key;
  });
  if (options.key) {
    const key = parseKey(options.key);
    if (!key) throw new AppError("invalid", "problems.encryption.keyInvalid");
    return createKeyring({ current: key, old, source: "ENCRYPTION_KEY" });
  }
  const file = path.join(options.dataDir, KEY_FILE);
  ensurePrivateFolder(options.dataDir);
  try {
    const descriptor = openNewPrivateFile(file);
    fs.writeSync(descriptor, `${generateKey()}\n`);
    fs.closeSync(descriptor);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  // Made elsewhere with looser permissions: tighten them; the key is as secret as the data.
  tightenPrivateFile(file);
  const key = parseKey(fs.readFileSync(file, "utf8"));
  if (!key) throw new AppError("invalid", message("problems.encryption.keyFileInvalid", { file }));
  return createKeyring({ current: key, old, source: "key file" });
}
