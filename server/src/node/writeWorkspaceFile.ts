import { randomBytes } from 'node:crypto';
import { constants, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

function isInside(folder: string, target: string): boolean {
  const relative = path.relative(folder, target);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/**
 * Writes a file of the workspace for `check --fix`, safely against a
 * workspace that is not trusted:
 *
 * - the file must already exist as a regular file whose real path is inside
 *   the workspace folder; a link to it is followed only when it stays inside
 *   (the link itself is kept, its target is written), never out of it;
 * - the new content goes into a temporary file with an unpredictable name
 *   in the same folder, created exclusively and without following links
 *   (`O_CREAT | O_EXCL | O_NOFOLLOW`), flushed to disk and renamed over the
 *   file, so an interrupted run never leaves half a file and a link planted
 *   at a likely name is never written through;
 * - the file keeps its mode and its byte-order mark (line endings are in
 *   `content` as read);
 * - with `expected`, a file whose text no longer equals it (edited since it
 *   was read) is left alone.
 */
export async function writeWorkspaceFile(workspaceFolder: string, uri: string, content: string, expected?: string): Promise<void> {
  const requested = URI.parse(uri).fsPath;
  const folder = await fs.realpath(workspaceFolder).catch(() => path.resolve(workspaceFolder));
  const target = await fs.realpath(requested).catch(() => {
    throw new Error(`refusing to write ${requested}: it does not exist or cannot be resolved`);
  });
  if (!isInside(folder, target)) throw new Error(`refusing to write ${requested}: it leads outside the workspace (to ${target})`);
  const stat = await fs.lstat(target);
  if (!stat.isFile()) throw new Error(`refusing to write ${requested}: it is not a regular file`);

  const current = await fs.readFile(target);
  const hasBom = current.subarray(0, 3).equals(BOM);
  if (expected !== undefined && current.subarray(hasBom ? 3 : 0).toString('utf8') !== expected) {
    throw new Error(`refusing to write ${requested}: it changed after it was read; run the command again`);
  }

  const directory = path.dirname(target);
  const temporary = path.join(directory, `.${path.basename(target)}.${randomBytes(12).toString('hex')}.tmp`);
  const mode = stat.mode & 0o7777;
  const handle = await fs.open(temporary, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY | constants.O_NOFOLLOW, 0o600);
  try {
    try {
      await handle.writeFile(hasBom ? Buffer.concat([BOM, Buffer.from(content, 'utf8')]) : Buffer.from(content, 'utf8'));
      await handle.chmod(mode);
      await handle.sync();
    } finally {
      await handle.close();
    }
    // The file must still be the regular file that was checked (not swapped for a link meanwhile).
    const again = await fs.lstat(target);
    if (!again.isFile() || again.ino !== stat.ino || again.dev !== stat.dev) throw new Error(`refusing to write ${requested}: it was replaced while being fixed`);
    await fs.rename(temporary, target);
  } catch (error) {
    await fs.unlink(temporary).catch(() => undefined);
    throw error;
  }
}
