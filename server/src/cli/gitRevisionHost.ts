import { URI } from 'vscode-uri';
import { canonicalUri, DEFAULT_LIMITS, type FileRead, type Limits, type WorkspaceFileHost } from '../core';
import { decodeText } from '../core/workspace/decodeText';
import type { GitBlobReader } from './gitBlobReader';
import type { CliContext } from './cliContext';

interface TreeEntry {
  oid: string;
  size: number;
}

/**
 * The commit a revision names, as its object id, or undefined when it names
 * none. The revision goes after `--end-of-options`, so a value such as
 * `--output=/path` is a (bad) revision name and never an option; callers
 * then hand git only the object id.
 */
export async function resolveCommit(context: Pick<CliContext, 'git'>, cwd: string, revision: string): Promise<string | undefined> {
  if (revision === '' || /[\0\n\r]/.test(revision)) return undefined;
  const result = await context.git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`], cwd);
  const oid = result.stdout.trim();
  return result.code === 0 && /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(oid) ? oid : undefined;
}

/**
 * The workspace as it was at a commit: files are listed with `git ls-tree`
 * (with their sizes, so the limits apply before anything is read) and read
 * by object id through one `git cat-file --batch` process, so nothing is
 * checked out and git starts a fixed number of times whatever the number of
 * files. Symbolic links and submodules in the tree are not files here.
 */
export class GitRevisionHost implements WorkspaceFileHost {
  private files: Promise<Map<string, TreeEntry>> | undefined;
  private reader: Promise<GitBlobReader> | undefined;
  /** Every file's repository path and URI, sorted: made once, however often the files are listed. */
  private listing: { path: string; uri: string }[] | undefined;
  private folderPath: string | undefined;

  /**
   * @param workspaceFolder absolute path of the workspace folder
   * @param commit the commit's object id (see resolveCommit), never a name a user gave
   * @param prefix the workspace folder's path inside the repository ("" or "sub/dir/")
   */
  constructor(
    private readonly context: Pick<CliContext, 'git' | 'limits' | 'openGitBlobReader'>,
    private readonly workspaceFolder: string,
    private readonly commit: string,
    private readonly prefix: string,
  ) {
    if (!/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(commit)) throw new Error(`GitRevisionHost needs a commit's object id, not ${JSON.stringify(commit)}`);
  }

  /** Repository paths of every regular file at the commit under the workspace folder, with object id and size. */
  private allFiles(): Promise<Map<string, TreeEntry>> {
    this.files ??= this.context
      .git(['--literal-pathspecs', '-c', 'core.quotePath=false', 'ls-tree', '-r', '-z', '-l', '--full-tree', this.commit, '--', this.prefix || '.'], this.workspaceFolder)
      .then((result) => {
        const files = new Map<string, TreeEntry>();
        if (result.code !== 0) return files;
        for (const record of result.stdout.split('\0')) {
          const match = /^(\d+) blob ([0-9a-f]+) +(\d+)\t([^]*)$/.exec(record);
          if (match && (match[1] === '100644' || match[1] === '100755') && isPlainPath(match[4], this.prefix)) files.set(match[4], { oid: match[2], size: Number(match[3]) });
        }
        return files;
      });
    return this.files;
  }

  /** The repository path of a file URI in the workspace, or undefined outside it. */
  private repoPath(uri: string): string | undefined {
    const folder = URI.file(this.workspaceFolder).path.replace(/\/$/, '');
    const path = URI.parse(uri).path;
    if (!path.startsWith(`${folder}/`)) return undefined;
    return this.prefix + path.slice(folder.length + 1);
  }

  /** The file URI of a repository path under the workspace folder. */
  private uriOf(path: string): string {
    this.folderPath ??= URI.file(this.workspaceFolder).path.replace(/\/$/, '');
    return URI.file(`${this.folderPath}/${path.slice(this.prefix.length)}`).toString();
  }

  async listFiles(folderUri: string): Promise<string[]> {
    const folderPath = this.repoPath(`${folderUri.replace(/\/$/, '')}/x`)?.slice(0, -1);
    if (folderPath === undefined) return [];
    this.listing ??= [...(await this.allFiles()).keys()].sort().map((path) => ({ path, uri: this.uriOf(path) }));
    return this.listing.filter(({ path }) => path.startsWith(folderPath)).map(({ uri }) => uri);
  }

  /**
   * The files (canonical URIs) that this revision and another of the same
   * workspace folder do not have alike: added, removed, or with other
   * contents (another blob id). Every other file is the same byte for byte.
   */
  async filesDifferentFrom(other: GitRevisionHost): Promise<string[]> {
    const mine = await this.allFiles();
    const theirs = await other.allFiles();
    const changed: string[] = [];
    for (const [path, entry] of mine) if (theirs.get(path)?.oid !== entry.oid) changed.push(path);
    for (const path of theirs.keys()) if (!mine.has(path)) changed.push(path);
    return changed.sort().map((path) => canonicalUri(this.uriOf(path)));
  }

  async read(uri: string, limit: number): Promise<FileRead> {
    const path = this.repoPath(uri);
    const entry = path === undefined ? undefined : (await this.allFiles()).get(path);
    if (!entry) return { problem: { kind: 'missing' } };
    if (entry.size > limit) return { problem: { kind: 'too-large', size: entry.size, limit } };
    const bytes = await this.readBlob(entry.oid);
    return bytes ? decodeText(bytes) : { problem: { kind: 'unreadable' } };
  }

  /** The limits the user raised with a CLI flag; the revision's policy-annotator.yaml may only lower them. */
  async allowedLimits(): Promise<Limits> {
    return this.context.limits ?? DEFAULT_LIMITS;
  }

  async readFile(uri: string): Promise<string | undefined> {
    const read = await this.read(uri, Number.MAX_SAFE_INTEGER);
    return 'content' in read ? read.content : undefined;
  }

  /** Ends the blob reader's git process. */
  async close(): Promise<void> {
    if (this.reader) (await this.reader).close();
  }

  private async readBlob(oid: string): Promise<Buffer | undefined> {
    const open = this.context.openGitBlobReader;
    if (open) {
      this.reader ??= open(this.workspaceFolder);
      return (await this.reader).read(oid);
    }
    const result = await this.context.git(['cat-file', 'blob', oid], this.workspaceFolder);
    return result.code === 0 ? Buffer.from(result.stdout, 'utf8') : undefined;
  }
}

/**
 * Whether a path from git's output is a plain relative path under the
 * workspace folder: a tree that git would refuse to check out (a `..` or
 * `.git` component, an empty one, a backslash or a control character) is
 * not a workspace's file, so nothing it names can point outside the folder.
 */
function isPlainPath(path: string, prefix: string): boolean {
  if (!path.startsWith(prefix) || path.includes('\\')) return false;
  for (let i = 0; i < path.length; i++) if (path.charCodeAt(i) < 0x20) return false;
  return path.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..' && segment.toLowerCase() !== '.git');
}

/** The workspace folder's path inside its git repository ("" at the root, else "dir/"). */
export async function repositoryPrefix(context: Pick<CliContext, 'git'>, workspaceFolder: string): Promise<string | undefined> {
  const result = await context.git(['rev-parse', '--show-prefix'], workspaceFolder);
  return result.code === 0 ? result.stdout.trim() : undefined;
}
