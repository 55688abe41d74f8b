import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { canonicalUri, loadWorkspace, type AnnotationParser, type WorkspaceFileHost } from '../core';
import type { CuratedWorkspace } from '../core/agreement';
import { GitRevisionHost, repositoryPrefix, resolveCommit } from '../cli/gitRevisionHost';
import type { ComparisonLoader } from '../lsp/comparison';
import { GitCatFileReader } from './gitCatFile';
import { NodeFileHost } from './nodeFileHost';
import { runGit } from './runGit';

const git = { git: runGit, openGitBlobReader: async (cwd: string) => new GitCatFileReader(cwd) };

async function loadFrom(host: WorkspaceFileHost, folderUri: string, name: string, what: string, pause: () => Promise<void>, largeFileParser?: AnnotationParser): Promise<CuratedWorkspace | { error: string }> {
  const { index } = await loadWorkspace(host, folderUri, { pause, largeFileParser });
  if (index.annotationFiles().length === 0) return { error: `${what} holds no annotation files: is it the other annotator's workspace folder?` };
  return { view: index, folderUri: index.workspaceFolders[0], name };
}

/**
 * Loads the other annotator's workspace read-only: a folder through the same
 * confined file host as the workspace (nothing outside it is read, no link
 * is followed), or a git revision of my folder through `git ls-tree` and
 * `git cat-file`, after `rev-parse --verify --end-of-options` turned the
 * revision into a commit id (so nothing the user typed reaches git as an option).
 */
export function comparisonLoader(largeFileParser?: AnnotationParser): ComparisonLoader {
  return async (myFolderUri, target, pause) => {
    if (target.kind === 'folder') {
      const folder = URI.parse(target.uri);
      if (folder.scheme !== 'file') return { error: 'Only a folder on this computer can be compared.' };
      const host = new NodeFileHost([folder.fsPath]);
      return loadFrom(host, canonicalUri(folder.toString()), path.basename(folder.fsPath) || folder.fsPath, `The folder ${folder.fsPath}`, pause, largeFileParser);
    }
    const mine = URI.parse(myFolderUri);
    if (mine.scheme !== 'file') return { error: 'Only a workspace folder on this computer has git revisions to compare.' };
    const workspaceFolder = mine.fsPath;
    const prefix = await repositoryPrefix(git, workspaceFolder);
    if (prefix === undefined) return { error: 'This workspace folder is not inside a git repository, so there are no revisions to compare.' };
    const commit = await resolveCommit(git, workspaceFolder, target.revision);
    if (commit === undefined) return { error: `\`${target.revision}\` is not a git revision here. Give a commit, branch or tag (fetch it first if it is remote).` };
    const host = new GitRevisionHost(git, workspaceFolder, commit, prefix);
    try {
      return await loadFrom(host, canonicalUri(myFolderUri), target.revision, `The workspace at \`${target.revision}\``, pause, largeFileParser);
    } finally {
      await host.close();
    }
  };
}
