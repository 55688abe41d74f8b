import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { ExportRefused } from '../core/export/exportWriting';

/**
 * Writes one output file (the `network --out` file) by the export writer's
 * rules: never through a symbolic link, all or nothing.
 *
 * - The parent folder is resolved once (links in the path the user typed are
 *   followed there) and must exist.
 * - An existing entry at the path must be a real file: a link (even to a
 *   file), a folder or anything else is refused before anything is written.
 * - The content goes into a fresh file beside it, then replaces the path
 *   with one rename, which replaces the entry itself and never follows a link.
 */
export async function writeOutputFile(file: string, content: string): Promise<void> {
  const parent = await fs.realpath(path.dirname(path.resolve(file))).catch(() => {
    throw new ExportRefused(`The folder of ${file} does not exist: create it first; nothing was written.`);
  });
  const target = path.join(parent, path.basename(file));
  const existing = await fs.lstat(target).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (existing?.isSymbolicLink()) throw new ExportRefused(`Refusing to write through the symbolic link ${file}; nothing was written.`);
  if (existing && !existing.isFile()) throw new ExportRefused(`${file} exists and is not a file; nothing was written.`);
  const temporary = path.join(parent, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await fs.writeFile(temporary, content, { flag: 'wx', mode: 0o644 });
    await fs.rename(temporary, target);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
}
