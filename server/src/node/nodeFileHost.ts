import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import type { FileRead, WorkspaceFileHost } from '../core';

/** Folders never searched for annotation files. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn']);

/**
 * The core's file access over the real file system. It reads only inside
 * the workspace folders it was given: a path that leads elsewhere, also
 * through a symbolic link, reads as absent.
 */
export class NodeFileHost implements WorkspaceFileHost {
  private readonly realFolders: Promise<string[]>;

  constructor(workspaceFolders: string[]) {
    this.realFolders = Promise.all(workspaceFolders.map((folder) => fs.realpath(folder).catch(() => path.resolve(folder))));
  }

  async listFiles(folderUri: string): Promise<string[]> {
    const found: string[] = [];
    // A folder that leads out of the workspace (a root that is a symbolic link elsewhere) is not even listed.
    const start = URI.parse(folderUri).fsPath;
    const real = await fs.realpath(start).catch(() => undefined);
    if (real === undefined || !(await this.isInside(real))) return found;
    const walk = async (folder: string): Promise<void> => {
      let entries;
      try {
        entries = await fs.readdir(folder, { withFileTypes: true });
      } catch {
        return;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const entry of entries) {
        const full = path.join(folder, entry.name);
        if (entry.isDirectory()) {
          if (!SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith('.')) await walk(full);
        } else if (entry.isFile() || entry.isSymbolicLink()) {
          found.push(URI.file(full).toString());
        }
      }
    };
    await walk(start);
    return found;
  }

  private async isInside(real: string): Promise<boolean> {
    const folders = await this.realFolders;
    return folders.some((folder) => real === folder || real.startsWith(folder + path.sep));
  }

  async readFile(uri: string): Promise<string | undefined> {
    const read = await this.read(uri, Number.MAX_SAFE_INTEGER);
    return 'content' in read ? read.content : undefined;
  }

  /**
   * Reads a file as UTF-8 text, refusing what must not or cannot be used: a
   * path outside the workspace folders (also through a link), a symbolic
   * link loop, a folder, a file over `limit` bytes (not read at all), binary
   * data, or invalid UTF-8.
   */
  async read(uri: string, limit: number): Promise<FileRead> {
    const parsed = URI.parse(uri);
    if (parsed.scheme !== 'file') return { problem: { kind: 'missing' } };
    let real: string;
    try {
      real = await fs.realpath(parsed.fsPath);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return { problem: { kind: code === 'ELOOP' ? 'symlink-loop' : code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : 'unreadable' } };
    }
    if (!(await this.isInside(real))) return { problem: { kind: 'outside-workspace' } };
    try {
      const stat = await fs.stat(real);
      if (stat.isDirectory()) return { problem: { kind: 'directory' } };
      if (!stat.isFile()) return { problem: { kind: 'unreadable' } };
      if (stat.size > limit) return { problem: { kind: 'too-large', size: stat.size, limit } };
      return decodeText(await fs.readFile(real));
    } catch {
      return { problem: { kind: 'unreadable' } };
    }
  }
}

const BINARY_SAMPLE = 8192;

/** UTF-8 text without its byte-order mark, or why the bytes are not text. */
export function decodeText(bytes: Uint8Array): FileRead {
  const sample = bytes.subarray(0, BINARY_SAMPLE);
  if (sample.includes(0)) return { problem: { kind: 'binary' } };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { content: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch {
    return { problem: { kind: 'invalid-encoding' } };
  }
}
