import { closeSync, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, chmodSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { randomBytes } from "node:crypto";

/**
 * Writes a file so that it is either wholly the old file or wholly the new one: the data goes to a
 * temporary file beside it (the same folder, so the same disk), is flushed, and then renamed over the
 * old file in one step. A write that fails part way (a full disk, a file size limit) leaves the old
 * file as it was and removes the temporary one.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const target = existingTarget(resolve(path));
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, "wx", previousMode(target));
    const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
    for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, target);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(temp);
    } catch {
      // Never created, or already gone: nothing to tidy.
    }
    throw error;
  }
}

/** Where the data should land: through a link to the file it points at, so the link stays a link. */
function existingTarget(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** A replaced file keeps its permissions; a new one gets the usual (0666 less the umask). */
function previousMode(path: string): number {
  try {
    return statSync(path).mode & 0o777;
  } catch {
    return 0o666;
  }
}
