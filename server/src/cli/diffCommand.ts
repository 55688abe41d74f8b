import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { diffChangedFiles, diffWorkspaces, loadWorkspace, type WorkspaceDiff } from '../core';
import { filesReached, ReachedFilesHost } from './diffReach';
import { formatReviewMarkdown } from './formatReview';
import { GitRevisionHost, repositoryPrefix, resolveCommit } from './gitRevisionHost';
import { parseCommandArgs, UsageError, type CliContext } from './cliContext';

export interface DiffOptions {
  workspaceFolder: string;
  base: string;
  /** A git revision, or undefined for the working tree. */
  head?: string;
  format: 'markdown' | 'json';
}

export function parseDiffArgs(args: string[], context: CliContext): DiffOptions {
  const parsed = parseCommandArgs({ args, allowPositionals: true, options: { workspace: { type: 'string' }, format: { type: 'string', default: 'markdown' } } });
  const { values, positionals } = parsed;
  if (positionals.length < 1 || positionals.length > 2) throw new UsageError('diff takes a base revision and optionally a head revision, e.g. `policy-annotator diff origin/main`.');
  if (values.format !== 'markdown' && values.format !== 'json') throw new UsageError(`Unknown format \`${values.format}\`: use markdown or json.`);
  return { workspaceFolder: path.resolve(context.cwd, values.workspace ?? '.'), base: positionals[0], head: positionals[1], format: values.format };
}

/**
 * Between two commits, git's blob ids say which files differ: only the files
 * those reach are loaded and compared (undefined when the change reaches the
 * configuration or the registry, and everything must be).
 */
async function diffReachedFiles(baseHost: GitRevisionHost, headHost: GitRevisionHost, folderUri: string): Promise<WorkspaceDiff | undefined> {
  const changed = await baseHost.filesDifferentFrom(headHost);
  const reached = await filesReached(baseHost, headHost, folderUri, changed);
  if (!reached) return undefined;
  const base = await loadWorkspace(new ReachedFilesHost(baseHost, reached), folderUri);
  const head = await loadWorkspace(new ReachedFilesHost(headHost, reached), folderUri);
  return diffChangedFiles(base.index, head.index, changed);
}

/** `policy-annotator diff`: what changed in the annotations between two revisions, for a reviewer. */
export async function runDiff(options: DiffOptions, context: CliContext): Promise<number> {
  const prefix = await repositoryPrefix(context, options.workspaceFolder);
  if (prefix === undefined) throw new UsageError(`${options.workspaceFolder} is not inside a git repository, so there are no revisions to compare.`);
  const commits: string[] = [];
  for (const revision of [options.base, options.head].filter((r): r is string => r !== undefined)) {
    const commit = await resolveCommit(context, options.workspaceFolder, revision);
    if (commit === undefined) throw new UsageError(`\`${revision}\` is not a git revision here. Give a commit, branch or tag (in CI, fetch enough history, e.g. fetch-depth: 0).`);
    commits.push(commit);
  }
  const folderUri = URI.file(options.workspaceFolder).toString();
  const baseHost = new GitRevisionHost(context, options.workspaceFolder, commits[0], prefix);
  const headHost = commits[1] ? new GitRevisionHost(context, options.workspaceFolder, commits[1], prefix) : undefined;
  let diff: WorkspaceDiff | undefined;
  try {
    if (headHost) diff = await diffReachedFiles(baseHost, headHost, folderUri);
    diff ??= diffWorkspaces((await loadWorkspace(baseHost, folderUri)).index, (await loadWorkspace(headHost ?? context.createHost([options.workspaceFolder]), folderUri)).index);
  } finally {
    await baseHost.close();
    await headHost?.close();
  }
  if (options.format === 'json') context.io.stdout(`${JSON.stringify({ base: options.base, head: options.head ?? 'working tree', ...diff }, null, 2)}\n`);
  else context.io.stdout(`${formatReviewMarkdown(diff, options.base, options.head ?? 'working tree')}\n`);
  return 0;
}
