import { closeSync, constants, fstatSync, openSync, promises as fs, readFileSync, readSync, realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import type { FileRead, ReadProblem, WorkspaceFileHost } from '../core';
import { decodeText } from '../core/workspace/decodeText';

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

  /** A reader with the answers of `readBytes`, synchronous and faster for many files at once. */
  async syncReader(): Promise<SyncBytesReader> {
    return new SyncBytesReader(await this.realFolders);
  }

  /**
   * Why no file may be created at `uri`: something is there already (a
   * dangling link too: creating would follow it), or the nearest folder on
   * the way that exists leads outside the workspace folders (a link to
   * elsewhere) or is a dangling link itself. Folders that do not exist yet
   * are made inside that one.
   */
  async creationProblem(uri: string): Promise<string | undefined> {
    const parsed = URI.parse(uri);
    if (parsed.scheme !== 'file') return `${uri} is not a file on disk.`;
    const target = parsed.fsPath;
    const there = await lstatCode(target);
    if (there !== 'ENOENT') return there === undefined ? `${target} exists already.` : `${target} cannot be created (${there}).`;
    for (let folder = path.dirname(target); ; folder = path.dirname(folder)) {
      const real = await fs.realpath(folder).catch(() => undefined);
      if (real !== undefined) return (await this.isInside(real)) ? undefined : `${folder} leads outside the workspace (to ${real}).`;
      if (await lstatCode(folder) !== 'ENOENT') return `${folder} is a link to a place that does not exist.`;
      if (path.dirname(folder) === folder) return `${target} is not inside a workspace folder.`;
    }
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
    const read = await this.readBytes(uri, limit);
    return 'bytes' in read ? decodeText(read.bytes) : read;
  }

  /**
   * A file's bytes, undecoded, with every refusal of `read` except those
   * about the bytes themselves (binary data, invalid UTF-8): the same bytes
   * always decode to the same answer.
   */
  async readBytes(uri: string, limit: number): Promise<BytesRead> {
    const parsed = URI.parse(uri);
    if (parsed.scheme !== 'file') return { problem: { kind: 'missing' } };
    let real: string;
    try {
      real = await fs.realpath(parsed.fsPath);
    } catch (error) {
      return realpathProblem(error);
    }
    if (!(await this.isInside(real))) return { problem: { kind: 'outside-workspace' } };
    try {
      const stat = await fs.stat(real);
      if (stat.isDirectory()) return { problem: { kind: 'directory' } };
      if (!stat.isFile()) return { problem: { kind: 'unreadable' } };
      if (stat.size > limit) return { problem: { kind: 'too-large', size: stat.size, limit } };
      return { bytes: await fs.readFile(real) };
    } catch {
      return { problem: { kind: 'unreadable' } };
    }
  }
}

/** A file's bytes, or why they cannot be used (binary data and invalid UTF-8 are the caller's to find). */
export type BytesRead = { bytes: Uint8Array } | { problem: ReadProblem };

/** The error code of lstat (ENOENT: nothing there, not even a link), or undefined when something is there. */
async function lstatCode(file: string): Promise<string | undefined> {
  try {
    await fs.lstat(file);
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? 'EUNKNOWN';
  }
}

function realpathProblem(error: unknown): { problem: ReadProblem } {
  const code = (error as NodeJS.ErrnoException).code;
  return { problem: { kind: code === 'ELOOP' ? 'symlink-loop' : code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : 'unreadable' } };
}

/**
 * Reads many files synchronously, with the answers `NodeFileHost.readBytes`
 * would give, for a caller with nothing else to do meanwhile (the CLI
 * comparing a cached check's inputs). A regular file that is no symbolic
 * link takes one open, fstat, read and close: its real path is its folder's
 * (resolved once per folder) plus its name. Anything else takes the same
 * steps as `readBytes`. `bytes` is only valid until the next call.
 */
export class SyncBytesReader {
  private readonly realFolderOf = new Map<string, string | null>();
  private buffer = Buffer.allocUnsafe(1 << 16);

  constructor(private readonly workspaceFolders: string[]) {}

  private isInside(real: string): boolean {
    return this.workspaceFolders.some((folder) => real === folder || real.startsWith(folder + path.sep));
  }

  read(uri: string, limit: number): BytesRead {
    const parsed = URI.parse(uri);
    if (parsed.scheme !== 'file') return { problem: { kind: 'missing' } };
    return this.readRegularFile(parsed.fsPath, limit) ?? this.readLikeHost(parsed.fsPath, limit);
  }

  /** The common case, or undefined when the file is anything else. */
  private readRegularFile(file: string, limit: number): BytesRead | undefined {
    // Without O_NOFOLLOW (Windows), opening would follow a link past the workspace check.
    if (constants.O_NOFOLLOW === undefined) return undefined;
    const name = path.basename(file);
    if (name === '' || name === '.' || name === '..') return undefined;
    const folder = path.dirname(file);
    let realFolder = this.realFolderOf.get(folder);
    if (realFolder === undefined) {
      try {
        realFolder = realpathSync.native(folder);
      } catch {
        realFolder = null;
      }
      this.realFolderOf.set(folder, realFolder);
    }
    if (realFolder === null || !this.isInside(path.join(realFolder, name))) return undefined;
    let fd: number;
    try {
      // O_NOFOLLOW: a symbolic link fails to open and takes the long way; O_NONBLOCK: a FIFO never blocks.
      fd = openSync(path.join(realFolder, name), constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    } catch {
      return undefined;
    }
    try {
      const stat = fstatSync(fd);
      if (!stat.isFile()) return undefined;
      if (stat.size > limit) return { problem: { kind: 'too-large', size: stat.size, limit } };
      // Room for the whole file and one byte more, so that the second read finds its end.
      if (stat.size >= this.buffer.length) this.buffer = Buffer.allocUnsafe(stat.size + 1);
      let length = 0;
      for (;;) {
        if (length === this.buffer.length) {
          // The file grew while being read: read on, as readFile does.
          const bigger = Buffer.allocUnsafe(this.buffer.length * 2);
          this.buffer.copy(bigger, 0, 0, length);
          this.buffer = bigger;
        }
        const count = readSync(fd, this.buffer, length, this.buffer.length - length, null);
        if (count === 0) break;
        length += count;
      }
      return { bytes: this.buffer.subarray(0, length) };
    } catch {
      return undefined;
    } finally {
      closeSync(fd);
    }
  }

  /** The steps of `NodeFileHost.readBytes`, synchronously. */
  private readLikeHost(file: string, limit: number): BytesRead {
    let real: string;
    try {
      real = realpathSync.native(file);
    } catch (error) {
      return realpathProblem(error);
    }
    if (!this.isInside(real)) return { problem: { kind: 'outside-workspace' } };
    try {
      const stat = statSync(real);
      if (stat.isDirectory()) return { problem: { kind: 'directory' } };
      if (!stat.isFile()) return { problem: { kind: 'unreadable' } };
      if (stat.size > limit) return { problem: { kind: 'too-large', size: stat.size, limit } };
      return { bytes: readFileSync(real) };
    } catch {
      return { problem: { kind: 'unreadable' } };
    }
  }
}
