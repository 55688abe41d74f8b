import { constants, promises as fs, type Stats } from 'node:fs';
import * as path from 'node:path';
import { InitRefused, type NewWorkspaceFile, type WorkspaceCreator } from '../cli/workspaceCreator';
import { DEFAULT_LIMITS } from '../core';

/**
 * Creates the files of a new workspace (for `policy-annotator init`) without
 * ever overwriting a file or following a symbolic link inside the folder:
 *
 * - every file is opened with O_CREAT | O_EXCL | O_NOFOLLOW, so an existing
 *   file or link at its place makes the open fail instead of being written
 *   through;
 * - folders are created one level at a time, and an existing one is used
 *   only when lstat says it is a real folder, not a link to one;
 * - before anything is written, every place is looked at, and if any file
 *   already exists (or a link or a file stands where a folder must go),
 *   nothing is written and InitRefused lists them all.
 *
 * The folder itself is the user's own command-line argument: it is created
 * if missing and may be reached through links.
 */
export async function createWorkspaceFiles(folder: string, files: NewWorkspaceFile[]): Promise<void> {
  await fs.mkdir(folder, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
    throw new InitRefused(`cannot create the folder ${folder}: ${error.code === 'EEXIST' || error.code === 'ENOTDIR' ? 'a file stands in its way' : error.message}. Nothing was written.`);
  });
  const root = await fs.realpath(folder);
  if (!(await fs.stat(root)).isDirectory()) throw new InitRefused(`${folder} is not a folder. Nothing was written.`);

  const problems = await obstacles(root, files);
  if (problems.length > 0) {
    throw new InitRefused(`${problems.join('; ')}. init never overwrites anything: move these away or choose another folder. Nothing was written.`);
  }

  const created: string[] = [];
  try {
    for (const file of files) {
      const segments = file.path.split('/');
      let dir = root;
      for (const segment of segments.slice(0, -1)) {
        dir = path.join(dir, segment);
        await makeRealFolder(dir);
      }
      await writeNewFile(path.join(dir, segments[segments.length - 1]), file.content);
      created.push(file.path);
    }
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const done = created.length ? `it created ${created.join(', ')} before that` : 'nothing was written';
    throw new InitRefused(`stopped: ${detail} (something changed in ${folder} while init ran; ${done}).`);
  }
}

async function lstatOrUndefined(file: string): Promise<Stats | undefined> {
  try {
    return await fs.lstat(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** What stands in the way of creating the files: existing files, and links or files where folders must go. */
async function obstacles(root: string, files: NewWorkspaceFile[]): Promise<string[]> {
  const problems: string[] = [];
  const folders = new Map<string, boolean>();
  for (const file of files) {
    const segments = file.path.split('/');
    let blocked = false;
    for (let i = 1; i < segments.length && !blocked; i++) {
      const relative = segments.slice(0, i).join('/');
      if (!folders.has(relative)) {
        const stat = await lstatOrUndefined(path.join(root, ...segments.slice(0, i)));
        const ok = !stat || stat.isDirectory();
        folders.set(relative, ok);
        if (!ok) problems.push(`${relative} exists and is ${stat.isSymbolicLink() ? 'a symbolic link' : 'not a folder'}`);
      }
      blocked = folders.get(relative) === false;
    }
    if (blocked) continue;
    const stat = await lstatOrUndefined(path.join(root, ...segments));
    if (stat) problems.push(`${file.path} already exists${stat.isSymbolicLink() ? ' (as a symbolic link)' : ''}`);
  }
  return problems;
}

async function makeRealFolder(dir: string): Promise<void> {
  try {
    await fs.mkdir(dir);
    return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const stat = await fs.lstat(dir);
  if (!stat.isDirectory()) throw new Error(`${dir} is ${stat.isSymbolicLink() ? 'a symbolic link' : 'not a folder'}`);
}

async function writeNewFile(file: string, content: string | Uint8Array): Promise<void> {
  const handle = await fs.open(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o644);
  try {
    await handle.writeFile(content);
  } finally {
    await handle.close();
  }
}

/** Reads the text named on the command line: a regular file (links to one are fine: the user named it). */
async function readSourceText(file: string): Promise<Uint8Array> {
  let stat: Stats;
  try {
    stat = await fs.stat(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error('there is no such file');
    throw error;
  }
  if (!stat.isFile()) throw new Error('it is not a regular file');
  if (stat.size > DEFAULT_LIMITS.textSize) throw new Error(`it is ${stat.size} bytes, over the limit of ${DEFAULT_LIMITS.textSize}`);
  return fs.readFile(file);
}

export const nodeWorkspaceCreator: WorkspaceCreator = { readSourceText, createFiles: createWorkspaceFiles };
