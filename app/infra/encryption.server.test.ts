import { createCipheriv, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createKeyring, generateKey, KEY_FILE, keyIdOf, loadKeyring, parseKey } from "./encryption.server.ts";

const folders: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vm-keys-"));
  folders.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of folders.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("encryption at rest", () => {
  const key = parseKey(generateKey()) as Buffer;

  it("reads keys as base64, base64url or hex, and refuses anything else", () => {
    const raw = Buffer.alloc(32, 7);
    expect(parseKey(raw.toString("base64"))).toEqual(raw);
    expect(parseKey(raw.toString("base64url"))).toEqual(raw);
    expect(parseKey(raw.toString("hex"))).toEqual(raw);
    expect(parseKey("te kort")).toBeUndefined();
    expect(parseKey(Buffer.alloc(16).toString("hex"))).toBeUndefined();
  });

  it("gives back what was written, and the ciphertext shows nothing of it", () => {
    const keyring = createKeyring({ current: key, source: "ENCRYPTION_KEY" });
    const secret = "Mijn leidinggevende vroeg me de cijfers mooier te maken. 🙁";
    const stored = keyring.encrypt(secret, "deliberations:1");
    expect(stored).not.toContain("leidinggevende");
    expect(Buffer.from(stored.split(":")[3] ?? "", "base64url").toString("utf8")).not.toContain("cijfers");
    expect(keyring.decrypt(stored, "deliberations:1")).toBe(secret);
    // A fresh nonce every time: the same text never looks the same twice.
    expect(keyring.encrypt(secret, "deliberations:1")).not.toBe(stored);
  });

  it("refuses a value moved to another place or changed by one bit", () => {
    const keyring = createKeyring({ current: key, source: "ENCRYPTION_KEY" });
    const stored = keyring.encrypt("tekst", "deliberations:1");
    expect(() => keyring.decrypt(stored, "deliberations:2")).toThrow("problems.encryption.damaged");
    const parts = stored.split(":");
    const body = Buffer.from(parts[3] ?? "", "base64url");
    body[0] = (body[0] ?? 0) ^ 1;
    parts[3] = body.toString("base64url");
    expect(() => keyring.decrypt(parts.join(":"), "deliberations:1")).toThrow("problems.encryption.damaged");
    expect(() => keyring.decrypt("geen versleutelde tekst", "deliberations:1")).toThrow(
      "problems.encryption.damaged",
    );
  });

  it("refuses a shortened authentication tag and a body shorter than a tag", () => {
    const keyring = createKeyring({ current: key, source: "ENCRYPTION_KEY" });
    const parts = keyring.encrypt("tekst", "x").split(":");
    const body = Buffer.from(parts[3] ?? "", "base64url");
    // Cut the 16-byte tag down to 4 bytes: Node would accept such a tag unless told its length.
    const shortened = [...parts.slice(0, 3), body.subarray(0, body.length - 12).toString("base64url")];
    expect(() => keyring.decrypt(shortened.join(":"), "x")).toThrow("problems.encryption.damaged");
    // A value that is nothing but a 4-byte tag (over an empty text) is refused, though it is authentic.
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: 4 });
    cipher.setAAD(Buffer.from("v2:x", "utf8"));
    cipher.update("");
    cipher.final();
    const tagOnly = [
      "v2",
      keyring.currentId,
      iv.toString("base64url"),
      cipher.getAuthTag().toString("base64url"),
    ];
    expect(() => keyring.decrypt(tagOnly.join(":"), "x")).toThrow("problems.encryption.damaged");
    tagOnly[0] = "v1";
    const oldAad = createCipheriv("aes-256-gcm", key, iv, { authTagLength: 4 }).setAAD(Buffer.from("x"));
    oldAad.final();
    tagOnly[3] = oldAad.getAuthTag().toString("base64url");
    expect(() => keyring.decrypt(tagOnly.join(":"), "x")).toThrow("problems.encryption.damaged");
  });

  it("reads a value of the old format with the context of its day, reports it stale, and never mixes formats", () => {
    const keyring = createKeyring({ current: key, source: "ENCRYPTION_KEY" });
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", key, iv);
    cipher.setAAD(Buffer.from("deliberations:1", "utf8"));
    const body = Buffer.concat([cipher.update("oud", "utf8"), cipher.final(), cipher.getAuthTag()]);
    const old = ["v1", keyIdOf(key), iv.toString("base64url"), body.toString("base64url")].join(":");

    expect(keyring.decrypt(old, "deliberations:1:eigenaar", { legacyContext: "deliberations:1" })).toBe(
      "oud",
    );
    expect(keyring.isStale(old)).toBe(true);
    expect(() =>
      keyring.decrypt(old, "deliberations:1:eigenaar", { legacyContext: "deliberations:2" }),
    ).toThrow("problems.encryption.damaged");

    const current = keyring.encrypt("nieuw", "deliberations:1");
    expect(current).toMatch(/^v2:/);
    expect(keyring.isStale(current)).toBe(false);
    // Relabelled as the old format, a new value does not read under its old-style context either.
    const relabelled = current.replace(/^v2:/, "v1:");
    expect(() =>
      keyring.decrypt(relabelled, "deliberations:1", { legacyContext: "deliberations:1" }),
    ).toThrow("problems.encryption.damaged");
  });

  it("reads values of an old key during a rotation, writes with the new one, and says which are stale", () => {
    const newKey = parseKey(generateKey()) as Buffer;
    const before = createKeyring({ current: key, source: "ENCRYPTION_KEY" });
    const stored = before.encrypt("oud", "x");
    const rotating = createKeyring({ current: newKey, old: [key], source: "ENCRYPTION_KEY" });
    expect(rotating.decrypt(stored, "x")).toBe("oud");
    expect(rotating.isStale(stored)).toBe(true);
    expect(rotating.isStale(rotating.encrypt("nieuw", "x"))).toBe(false);
    expect(rotating.currentId).toBe(keyIdOf(newKey));
    const forgotten = createKeyring({ current: newKey, source: "ENCRYPTION_KEY" });
    expect(() => forgotten.decrypt(stored, "x")).toThrow("problems.encryption.keyMissing");
  });

  it("makes a key file on first start, readable by the owner only, and keeps using it", () => {
    const dataDir = tempDir();
    const first = loadKeyring({ dataDir });
    const file = path.join(dataDir, KEY_FILE);
    expect(first.source).toBe("key file");
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const stored = first.encrypt("blijft leesbaar", "x");
    expect(loadKeyring({ dataDir }).decrypt(stored, "x")).toBe("blijft leesbaar");
    fs.chmodSync(file, 0o644);
    fs.chmodSync(dataDir, 0o755);
    loadKeyring({ dataDir });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
  });

  it("makes a new data folder for the key file owner-only", () => {
    const dataDir = path.join(tempDir(), "nieuw", "data");
    loadKeyring({ dataDir });
    expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
  });

  it("prefers ENCRYPTION_KEY and refuses a bad one or a bad old one", () => {
    const dataDir = tempDir();
    const keyring = loadKeyring({ key: key.toString("base64"), dataDir });
    expect(keyring.source).toBe("ENCRYPTION_KEY");
    expect(fs.existsSync(path.join(dataDir, KEY_FILE))).toBe(false);
    expect(() => loadKeyring({ key: "kort", dataDir })).toThrow("problems.encryption.keyInvalid");
    expect(() => loadKeyring({ key: key.toString("hex"), oldKeys: ["kort"], dataDir })).toThrow(
      "problems.encryption.oldKeyInvalid",
    );
  });
});
