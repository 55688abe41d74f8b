import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import type { WorkspaceFileHost } from '../core';

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
    await walk(URI.parse(folderUri).fsPath);
    return found;
  }

  async readFile(uri: string): Promise<string | undefined> {
    const parsed = URI.parse(uri);
    if (parsed.scheme !== 'file') return undefined;
    try {
      const real = await fs.realpath(parsed.fsPath);
      const folders = await this.realFolders;
      if (!folders.some((folder) => real === folder || real.startsWith(folder + path.sep))) return undefined;
      const stat = await fs.stat(real);
      if (!stat.isFile()) return undefined;
      const text = await fs.readFile(real, 'utf8');
      return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    } catch {
      return undefined;
    }
  }
}
