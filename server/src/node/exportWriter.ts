import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { ExportRefused, type ExportFileToWrite, type ExportWriteResult } from '../core/export/exportWriting';

/**
 * Writes an export's files as one folder, all or nothing, and never through
 * a symbolic link. The CLI's `export --out` and the VS Code export commands
 * both write through here.
 *
 * - The parent of the output folder is resolved once (links in the path the
 *   user gave are followed there, as they typed it); the output folder itself
 *   and everything in it must be real folders and files. A link anywhere
 *   under it, the folder itself included, is refused.
 * - The files are written into a fresh folder beside the output folder, then
 *   moved into place with one rename. A failure on the way removes that
 *   folder and leaves the output folder as it was.
 * - An existing output folder is replaced only when it is empty, or holds an
 *   earlier export of the same format (its manifest, MANIFEST_NAME, lists the
 *   files and their SHA-256) in which every file is listed there, unchanged.
 *   The manifest's paths are never opened: the folder is walked, and what is
 *   found is compared with the list. The earlier export is moved aside, the
 *   new one renamed in, and the old one removed file by file (only files the
 *   manifest lists, only real files, never following a link).
 *
 * Otherwise it refuses (ExportRefused) before writing anything.
 */

export const MANIFEST_NAME = '.policy-annotator-export.json';

interface Manifest {
  tool: 'policy-annotator export';
  format: string;
  files: Record<string, string>;
}

const sha256 = (content: string | Buffer) => createHash('sha256').update(content).digest('hex');
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Refuses export file paths that could leave the folder, and exports that need one name as a file and a folder. */
function checkExportPaths(files: ExportFileToWrite[]): void {
  const paths = new Set<string>();
  for (const { path: relative } of files) {
    if (relative === '' || relative.includes('\\') || relative.includes('\0') || relative.startsWith('/') || relative.split('/').some((s) => s === '' || s === '.' || s === '..')) {
      throw new ExportRefused(`Refusing an export file path that is not a plain relative path: ${JSON.stringify(relative)}; nothing was written.`);
    }
    if (relative === MANIFEST_NAME) throw new ExportRefused(`The export would write a file named ${MANIFEST_NAME}, which is the export's own manifest. Rename that text; nothing was written.`);
    const key = relative.toLowerCase();
    if (paths.has(key)) throw new ExportRefused(`The export would write ${relative} twice (names that differ only in case are one file on some systems). Rename one of the texts; nothing was written.`);
    paths.add(key);
  }
  for (const relative of paths) {
    const segments = relative.split('/');
    for (let i = 1; i < segments.length; i++) {
      const folder = segments.slice(0, i).join('/');
      if (paths.has(folder)) {
        const original = files.find((f) => f.path.toLowerCase() === folder)!.path;
        throw new ExportRefused(
          `The export needs ${original} both as a file and as a folder (for ${files.find((f) => f.path.toLowerCase() === relative)!.path}): a text and a folder of texts have the same name. Rename the text or the folder; nothing was written.`,
        );
      }
    }
  }
}

interface Found {
  files: Map<string, string>;
  links: string[];
  others: string[];
}

/** Every entry under a real folder, by lstat: files with their full path, links and other entries by relative path. */
async function walk(dir: string, prefix: string, found: Found): Promise<void> {
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const relative = `${prefix}${entry.name}`;
    const full = path.join(dir, entry.name);
    if (entry.isSymbolicLink()) found.links.push(relative);
    else if (entry.isDirectory()) await walk(full, `${relative}/`, found);
    else if (entry.isFile()) found.files.set(relative, full);
    else found.others.push(relative);
  }
}

function parseManifest(text: string): Manifest | undefined {
  try {
    const parsed = JSON.parse(text) as Partial<Manifest>;
    if (parsed.tool !== 'policy-annotator export' || typeof parsed.format !== 'string' || !parsed.files || typeof parsed.files !== 'object') return undefined;
    if (!Object.values(parsed.files).every((hash) => typeof hash === 'string')) return undefined;
    return parsed as Manifest;
  } catch {
    return undefined;
  }
}

const list = (names: string[], most = 10) => names.sort(byName).slice(0, most).join(', ') + (names.length > most ? ` and ${names.length - most} more` : '');

/** Checks that an existing output folder may be replaced; returns the earlier export's manifest (undefined when empty). */
async function inspectExisting(outDir: string, format: string): Promise<Manifest | undefined> {
  const found: Found = { files: new Map(), links: [], others: [] };
  await walk(outDir, '', found);
  if (found.links.length > 0) {
    throw new ExportRefused(`${outDir} holds symbolic links (${list(found.links)}). An export is written only into real folders, never through a link; remove them or export to a new folder. Nothing was written.`);
  }
  if (found.files.size === 0 && found.others.length === 0) return undefined;
  const manifestPath = found.files.get(MANIFEST_NAME);
  const manifest = manifestPath ? parseManifest(await fs.readFile(manifestPath, 'utf8')) : undefined;
  if (!manifest) {
    throw new ExportRefused(`${outDir} is not empty and holds no earlier policy-annotator export. Choose a new or empty folder so no file of yours is overwritten; nothing was written.`);
  }
  if (manifest.format !== format) {
    throw new ExportRefused(`${outDir} holds a ${manifest.format} export. Export ${format} to another folder (or remove that one first); nothing was written.`);
  }
  const changed: string[] = [];
  const foreign: string[] = [...found.others];
  for (const [relative, full] of found.files) {
    if (relative === MANIFEST_NAME) continue;
    const hash = Object.prototype.hasOwnProperty.call(manifest.files, relative) ? manifest.files[relative] : undefined;
    if (hash === undefined) foreign.push(relative);
    else if (sha256(await fs.readFile(full)) !== hash) changed.push(relative);
  }
  if (changed.length > 0) {
    throw new ExportRefused(`These files in ${outDir} changed since the last export: ${list(changed)}. Move your changes elsewhere or export to a new folder, so they are not overwritten; nothing was written.`);
  }
  if (foreign.length > 0) {
    throw new ExportRefused(
      `These files in ${outDir} were not written by the last export: ${list(foreign)}. A new export replaces the whole folder, so move them or export to a new folder; nothing was written.`,
    );
  }
  return manifest;
}

/** Removes a moved-aside earlier export: only the files its manifest lists, only real ones, then the folders left empty. */
async function removeOldExport(dir: string, listed: Set<string>, prefix = ''): Promise<boolean> {
  let empty = true;
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const relative = `${prefix}${entry.name}`;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && !entry.isSymbolicLink()) {
      if (await removeOldExport(full, listed, `${relative}/`)) await fs.rmdir(full);
      else empty = false;
    } else if (entry.isFile() && (listed.has(relative) || relative === MANIFEST_NAME)) {
      await fs.unlink(full);
    } else {
      empty = false;
    }
  }
  return empty;
}

/** Writes every file into a new, empty folder of ours; creates folders one level at a time, files exclusively. */
async function writeInto(dir: string, files: ExportFileToWrite[], format: string): Promise<void> {
  const made = new Set<string>(['']);
  const manifest: Manifest = { tool: 'policy-annotator export', format, files: {} };
  for (const file of [...files].sort((a, b) => byName(a.path, b.path))) {
    const segments = file.path.split('/');
    for (let i = 1; i < segments.length; i++) {
      const folder = segments.slice(0, i).join('/');
      if (made.has(folder)) continue;
      await fs.mkdir(path.join(dir, ...segments.slice(0, i)));
      made.add(folder);
    }
    await fs.writeFile(path.join(dir, ...segments), file.content, { encoding: 'utf8', flag: 'wx' });
    manifest.files[file.path] = sha256(Buffer.from(file.content, 'utf8'));
  }
  await fs.writeFile(path.join(dir, MANIFEST_NAME), `${JSON.stringify(manifest, null, 2)}\n`, { encoding: 'utf8', flag: 'wx' });
}

const describeError = (error: unknown) => (error instanceof Error ? ((error as NodeJS.ErrnoException).code ?? error.message) : String(error));

/** A name beside the output folder that nothing uses yet, for a folder of ours. */
async function makeSiblingFolder(parent: string, base: string, purpose: string): Promise<string> {
  for (;;) {
    const candidate = path.join(parent, `.${base}.${purpose}-${randomBytes(6).toString('hex')}`);
    try {
      await fs.mkdir(candidate);
      return candidate;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

export async function writeExportFiles(outDir: string, files: ExportFileToWrite[], format: string): Promise<ExportWriteResult> {
  checkExportPaths(files);
  const requested = path.resolve(outDir);
  const base = path.basename(requested);
  if (base === '' || base === '.' || base === '..') throw new ExportRefused(`--out ${outDir} names no folder to write into; give a new or empty folder; nothing was written.`);
  try {
    await fs.mkdir(path.dirname(requested), { recursive: true });
  } catch (error) {
    throw new ExportRefused(`Cannot create the folder that holds ${requested} (${describeError(error)}); nothing was written.`);
  }
  const parent = await fs.realpath(path.dirname(requested));
  const target = path.join(parent, base);

  const stat = await fs.lstat(target).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw new ExportRefused(`Cannot read ${target} (${describeError(error)}); nothing was written.`);
  });
  if (stat?.isSymbolicLink()) {
    const to = await fs.readlink(target).catch(() => '?');
    throw new ExportRefused(`--out ${target} is a symbolic link (to ${to}). An export is written only into a real folder, never through a link: give a new folder or the real path; nothing was written.`);
  }
  if (stat && !stat.isDirectory()) throw new ExportRefused(`--out ${target} is a file, not a folder. Give a new or empty folder; nothing was written.`);
  const previous = stat ? await inspectExisting(target, format) : undefined;

  const fresh = await makeSiblingFolder(parent, base, 'export');
  try {
    await writeInto(fresh, files, format);
  } catch (error) {
    await fs.rm(fresh, { recursive: true, force: true });
    throw new ExportRefused(`Could not write the export (${describeError(error)}); ${stat ? `${target} is unchanged` : 'nothing was written'}.`);
  }

  if (!stat) {
    try {
      await fs.rename(fresh, target);
    } catch (error) {
      await fs.rm(fresh, { recursive: true, force: true });
      throw new ExportRefused(`Could not move the export into ${target} (${describeError(error)}); nothing was written.`);
    }
    return { removed: [], outDir: target };
  }

  // Move the earlier export (or the empty folder) aside, the new one in, then remove the old one by its manifest.
  const aside = `${fresh}.old`;
  try {
    await fs.rename(target, aside);
  } catch (error) {
    await fs.rm(fresh, { recursive: true, force: true });
    throw new ExportRefused(`Could not replace ${target} (${describeError(error)}); it is unchanged.`);
  }
  try {
    await fs.rename(fresh, target);
  } catch (error) {
    await fs.rename(aside, target);
    await fs.rm(fresh, { recursive: true, force: true });
    throw new ExportRefused(`Could not move the export into ${target} (${describeError(error)}); it is unchanged.`);
  }
  const listed = new Set(Object.keys(previous?.files ?? {}));
  const oldFiles: Found = { files: new Map(), links: [], others: [] };
  await walk(aside, '', oldFiles);
  const newPaths = new Set(files.map((f) => f.path));
  const removed = [...oldFiles.files.keys()].filter((relative) => listed.has(relative) && !newPaths.has(relative)).sort(byName);
  if (await removeOldExport(aside, listed)) await fs.rmdir(aside);
  else throw new ExportRefused(`The export is in ${target}, but files that appeared in the earlier export while it was written are kept in ${aside}; look at them, then remove that folder.`);
  return { removed, outDir: target };
}

/**
 * The language server's export writer (`policyAnnotator/writeExport`): the
 * same writer, into the folder a `file:` URI names. A folder it will not
 * write into is answered with the reason, as the CLI reports it; any other
 * failure is an error.
 */
export async function writeExportIntoFolderUri(folderUri: string, files: ExportFileToWrite[], format: string): Promise<{ removed: string[] } | { refused: string }> {
  const folder = URI.parse(folderUri);
  if (folder.scheme !== 'file') return { refused: `${folderUri} is not a folder on this machine's disk; choose a folder on disk to export into. Nothing was written.` };
  try {
    return { removed: (await writeExportFiles(folder.fsPath, files, format)).removed };
  } catch (error) {
    if (error instanceof ExportRefused) return { refused: error.message };
    throw error;
  }
}
