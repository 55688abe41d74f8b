import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { ExportRefused, type ExportWriteResult } from '../cli/exportCommand';
import type { ExportedFile, ExportFormat } from '../core/export';

/**
 * Writes an export's files under the output folder, and only there, without
 * ever overwriting or deleting a file it did not write itself:
 *
 * - a missing folder is created; an empty one is used as it is;
 * - a non-empty folder is used only when it holds a previous export of the
 *   same format (its manifest, MANIFEST_NAME, lists the files written and
 *   their SHA-256), and only when none of those files has changed since and
 *   no other file stands where the new export writes;
 * - files of the previous export that the new one no longer has are removed.
 *
 * Otherwise it refuses (ExportRefused) before writing anything.
 */

export const MANIFEST_NAME = '.policy-annotator-export.json';

interface Manifest {
  tool: 'policy-annotator export';
  format: ExportFormat;
  files: Record<string, string>;
}

const sha256 = (content: string | Buffer) => createHash('sha256').update(content).digest('hex');

async function exists(file: string): Promise<boolean> {
  return fs.lstat(file).then(
    () => true,
    () => false,
  );
}

/** The absolute path of an export file, refusing any path that could leave the output folder. */
function resolveInside(outDir: string, relative: string): string {
  if (relative === '' || relative.includes('\\') || relative.startsWith('/') || relative.split('/').some((s) => s === '' || s === '.' || s === '..')) {
    throw new Error(`Refusing an export file path that is not a plain relative path: ${JSON.stringify(relative)}`);
  }
  return path.join(outDir, ...relative.split('/'));
}

async function readManifest(outDir: string): Promise<Manifest | undefined> {
  try {
    const parsed = JSON.parse(await fs.readFile(path.join(outDir, MANIFEST_NAME), 'utf8')) as Partial<Manifest>;
    if (parsed.tool !== 'policy-annotator export' || typeof parsed.format !== 'string' || !parsed.files || typeof parsed.files !== 'object') return undefined;
    for (const relative of Object.keys(parsed.files)) resolveInside(outDir, relative);
    return parsed as Manifest;
  } catch {
    return undefined;
  }
}

export async function writeExportFiles(outDir: string, files: ExportedFile[], format: ExportFormat): Promise<ExportWriteResult> {
  const targets = files.map((file) => ({ file, full: resolveInside(outDir, file.path) }));
  const stat = await fs.stat(outDir).catch(() => undefined);
  if (stat && !stat.isDirectory()) throw new ExportRefused(`--out ${outDir} is a file, not a folder. Give a new or empty folder; nothing was written.`);

  let previous: Manifest | undefined;
  const entries = stat ? await fs.readdir(outDir) : [];
  if (entries.length > 0) {
    previous = await readManifest(outDir);
    if (!previous) {
      throw new ExportRefused(`--out ${outDir} is not empty and holds no earlier policy-annotator export. Choose a new or empty folder so no file of yours is overwritten; nothing was written.`);
    }
    if (previous.format !== format) {
      throw new ExportRefused(`--out ${outDir} holds a ${previous.format} export. Export ${format} to another folder (or remove that one first); nothing was written.`);
    }
    const changed: string[] = [];
    for (const [relative, hash] of Object.entries(previous.files)) {
      const full = resolveInside(outDir, relative);
      const content = await fs.readFile(full).catch(() => undefined);
      if (content !== undefined && sha256(content) !== hash) changed.push(relative);
    }
    if (changed.length > 0) {
      throw new ExportRefused(
        `These files in ${outDir} changed since the last export: ${changed.sort().join(', ')}. Move your changes elsewhere or export to a new folder, so they are not overwritten; nothing was written.`,
      );
    }
    const foreign: string[] = [];
    for (const { file, full } of targets) {
      if (!(file.path in previous.files) && (await exists(full))) foreign.push(file.path);
    }
    if (foreign.length > 0) {
      throw new ExportRefused(`These files in ${outDir} were not written by the last export, and this one would overwrite them: ${foreign.sort().join(', ')}. Move them or export to a new folder; nothing was written.`);
    }
  }

  await fs.mkdir(outDir, { recursive: true });
  const manifest: Manifest = { tool: 'policy-annotator export', format, files: {} };
  for (const { file, full } of targets) {
    await fs.mkdir(path.dirname(full), { recursive: true });
    await fs.writeFile(full, file.content, 'utf8');
    manifest.files[file.path] = sha256(Buffer.from(file.content, 'utf8'));
  }
  const removed: string[] = [];
  for (const relative of Object.keys(previous?.files ?? {}).sort()) {
    if (relative in manifest.files) continue;
    const full = resolveInside(outDir, relative);
    if (await exists(full)) {
      await fs.unlink(full);
      removed.push(relative);
    }
  }
  const sorted = Object.fromEntries(Object.entries(manifest.files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  await fs.writeFile(path.join(outDir, MANIFEST_NAME), `${JSON.stringify({ ...manifest, files: sorted }, null, 2)}\n`, 'utf8');
  return { removed };
}
