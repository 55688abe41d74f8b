import { URI } from 'vscode-uri';
import type { WorkspaceFileHost } from '../core';
import type { CliContext } from './runCli';

/**
 * The workspace as it was at a git revision: files are listed with
 * `git ls-tree` and read with `git show`, so nothing is checked out.
 */
export class GitRevisionHost implements WorkspaceFileHost {
  private files: Promise<Set<string>> | undefined;

  /**
   * @param workspaceFolder absolute path of the workspace folder
   * @param prefix the workspace folder's path inside the repository ("" or "sub/dir/")
   */
  constructor(
    private readonly context: CliContext,
    private readonly workspaceFolder: string,
    private readonly revision: string,
    private readonly prefix: string,
  ) {}

  /** Repository paths of every file at the revision under the workspace folder. */
  private allFiles(): Promise<Set<string>> {
    this.files ??= this.context
      .git(['-c', 'core.quotePath=false', 'ls-tree', '-r', '-z', '--name-only', '--full-tree', this.revision, '--', this.prefix || '.'], this.workspaceFolder)
      .then((result) => new Set(result.code === 0 ? result.stdout.split('\0').filter(Boolean) : []));
    return this.files;
  }

  /** The repository path of a file URI in the workspace, or undefined outside it. */
  private repoPath(uri: string): string | undefined {
    const folder = URI.file(this.workspaceFolder).path.replace(/\/$/, '');
    const path = URI.parse(uri).path;
    if (!path.startsWith(`${folder}/`)) return undefined;
    return this.prefix + path.slice(folder.length + 1);
  }

  async listFiles(folderUri: string): Promise<string[]> {
    const folderPath = this.repoPath(`${folderUri.replace(/\/$/, '')}/x`)?.slice(0, -1);
    if (folderPath === undefined) return [];
    const workspacePath = URI.file(this.workspaceFolder).path.replace(/\/$/, '');
    return [...(await this.allFiles())]
      .filter((path) => path.startsWith(folderPath))
      .sort()
      .map((path) => URI.file(`${workspacePath}/${path.slice(this.prefix.length)}`).toString());
  }

  async readFile(uri: string): Promise<string | undefined> {
    const path = this.repoPath(uri);
    if (path === undefined || !(await this.allFiles()).has(path)) return undefined;
    const result = await this.context.git(['show', `${this.revision}:${path}`], this.workspaceFolder);
    if (result.code !== 0) return undefined;
    return result.stdout.charCodeAt(0) === 0xfeff ? result.stdout.slice(1) : result.stdout;
  }
}

/** The workspace folder's path inside its git repository ("" at the root, else "dir/"). */
export async function repositoryPrefix(context: CliContext, workspaceFolder: string): Promise<string | undefined> {
  const result = await context.git(['rev-parse', '--show-prefix'], workspaceFolder);
  return result.code === 0 ? result.stdout.trim() : undefined;
}
