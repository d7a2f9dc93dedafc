// Random secrets for cookies, login links and API tokens. Only a hash is ever stored, so a leaked
// database does not hand out sessions; SHA-256 suffices because the secrets carry 256 random bits.
import { createHash, randomBytes } from "node:crypto";

export function createSecret(prefix = ""): string {
  return `${prefix}${randomBytes(32).toString("base64url")}`;
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("base64url");
}
