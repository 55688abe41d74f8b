import { createHash, randomBytes } from 'node:crypto';
import { constants, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { DnaFileRefused, type DnaFiles } from '../cli/dnaFiles';
import { InitRefused } from '../cli/workspaceCreator';
import { DNA_CODER_PASSWORD, type DnaDatabase, type ImportedFile } from '../core/dna';
import { createWorkspaceFiles } from './createWorkspaceFiles';

/**
 * The file system side of the DNA import and export. sql.js is loaded on
 * first use only (./dnaDatabase), so that other commands do not pay for it.
 */
export const nodeDnaFiles: DnaFiles = { readDatabase, writeDatabase, createWorkspace };

async function readDatabase(file: string): Promise<DnaDatabase> {
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DnaFileRefused(code === 'ENOENT' ? 'there is no such file: check the path' : code === 'EISDIR' ? 'it is a folder: name the .dna file' : `it cannot be read (${code ?? String(error)})`);
  }
  const { readDnaDatabase, DnaReadError } = await import('./dnaDatabase.js');
  try {
    return await readDnaDatabase(bytes);
  } catch (error) {
    if (error instanceof DnaReadError) throw new DnaFileRefused(error.message);
    throw error;
  }
}

/**
 * Writes a new file and never an existing one: O_EXCL refuses a file or a
 * symbolic link at its place, O_NOFOLLOW a link. A write that fails removes
 * what it began.
 */
async function writeDatabase(file: string, rows: DnaDatabase): Promise<void> {
  const { writeDnaDatabase } = await import('./dnaDatabase.js');
  const bytes = await writeDnaDatabase(rows, jasyptPasswordDigest(DNA_CODER_PASSWORD));
  await fs.mkdir(path.dirname(file), { recursive: true }).catch(() => undefined);
  let handle;
  try {
    handle = await fs.open(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o644);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ELOOP') throw new DnaFileRefused('it already exists, and export never overwrites a database: remove it or choose another name');
    throw new DnaFileRefused(`it cannot be created (${code ?? String(error)}): check that its folder exists and is writable`);
  }
  try {
    await handle.writeFile(bytes);
  } catch (error) {
    await handle.close();
    await fs.rm(file, { force: true });
    throw error;
  }
  await handle.close();
}

/** The new workspace goes into a folder that is missing or empty: an import never mixes with existing files. */
async function createWorkspace(folder: string, files: ImportedFile[]): Promise<void> {
  const entries = await fs.readdir(folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    if (error.code === 'ENOTDIR') throw new DnaFileRefused(`--out ${folder} is a file, not a folder: name a new or empty folder`);
    throw error;
  });
  if (entries.length > 0) throw new DnaFileRefused(`--out ${folder} is not empty: import creates a new workspace, so name a new or empty folder`);
  try {
    await createWorkspaceFiles(folder, files);
  } catch (error) {
    if (error instanceof InitRefused) throw new DnaFileRefused(error.message);
    throw error;
  }
}

/**
 * The password digest DNA stores in CODERS.Password and checks with
 * jasypt's StrongPasswordEncryptor (sql/Sql.java, `authenticate`): a 16-byte
 * random salt, SHA-256 of salt and password (UTF-8, Unicode NFC), digested
 * again 100,000 times in all, salt and digest together in Base64. Checked
 * against a digest jasypt itself made (test/unit/dnaPublishedPassword.test.ts).
 */
export function jasyptPasswordDigest(password: string, salt: Uint8Array = randomBytes(16)): string {
  let digest = createHash('sha256').update(salt).update(Buffer.from(password.normalize('NFC'), 'utf8')).digest();
  for (let i = 1; i < 100_000; i++) digest = createHash('sha256').update(digest).digest();
  return Buffer.concat([salt, digest]).toString('base64');
}
