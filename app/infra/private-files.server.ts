// Files and folders that hold personal data or secrets (the data folder, the key file, the outbox,
// backups) are the owner's only: folders 0700, files 0600, whatever the process's umask. Files are made
// with O_EXCL, which never follows a symbolic link, so nobody who can write to a shared folder can point
// our write at a file of their choosing.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const PRIVATE_FOLDER_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/**
 * Makes `dir` (and missing parents) owner-only, and tightens it when it exists with looser permissions.
 * Gives a warning to log instead of failing when the folder is not ours to change (a mounted volume):
 * then its owner must set the permissions.
 */
export function ensurePrivateFolder(dir: string): string | undefined {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_FOLDER_MODE });
  const stat = fs.statSync(dir);
  if ((stat.mode & 0o077) === 0) return undefined;
  try {
    fs.chmodSync(dir, PRIVATE_FOLDER_MODE);
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "EPERM" && code !== "EACCES") throw error;
    return `${dir} is readable by others (mode ${(stat.mode & 0o777).toString(8)}) and this process may not change that; make it 0700.`;
  }
}

/** Tightens a file made elsewhere with looser permissions (the key file of an older version). */
export function tightenPrivateFile(file: string): void {
  if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, PRIVATE_FILE_MODE);
}

/** Opens a new owner-only file for writing; throws EEXIST when anything (a link too) has that name. */
export function openNewPrivateFile(file: string): number {
  return fs.openSync(file, "wx", PRIVATE_FILE_MODE);
}

/**
 * A name for a file being written beside `target`, to be renamed onto it when complete: hidden,
 * and unpredictable, so nobody can place a link there in advance.
 */
export function partialNameFor(target: string): string {
  return path.join(
    path.dirname(target),
    `.${path.basename(target)}.${randomBytes(9).toString("base64url")}.partial`,
  );
}
