import { resolveCommit } from './gitRevisionHost';
import { UsageError, type CliContext } from './cliContext';

/** For each changed file (path relative to the workspace, forward slashes), the 1-based lines changed. */
export type ChangedLines = Map<string, Set<number>>;

function unquoteGitPath(raw: string): string {
  if (!raw.startsWith('"')) return raw;
  const body = raw.slice(1, -1);
  const bytes: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch !== '\\') {
      bytes.push(...Buffer.from(ch, 'utf8'));
      continue;
    }
    const next = body[++i];
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.slice(i, i + 3), 8));
      i += 2;
    } else {
      bytes.push(({ n: 10, t: 9, r: 13, '"': 34, '\\': 92, a: 7, b: 8, f: 12, v: 11 } as Record<string, number>)[next] ?? next.charCodeAt(0));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/**
 * Reads `git diff --unified=0 --no-prefix` output: the lines each file has
 * now that are new or changed. A pure deletion marks the line after it, so
 * that diagnostics next to removed lines still count as touched.
 */
export function parseUnifiedDiff(diff: string): ChangedLines {
  const changed: ChangedLines = new Map();
  let current: Set<number> | undefined;
  for (const line of diff.split('\n')) {
    if (line.startsWith('+++ ')) {
      const path = line.slice(4).trim();
      current = path === '/dev/null' ? undefined : new Set<number>();
      if (current) changed.set(unquoteGitPath(path), current);
      continue;
    }
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (hunk && current) {
      const start = Number(hunk[1]);
      const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
      if (count === 0) current.add(Math.max(1, start + 1));
      for (let n = start; n < start + count; n++) current.add(n);
    }
  }
  return changed;
}

/** The lines changed in the workspace since a git revision, including untracked files (all of their lines). */
export async function changedLinesSince(context: CliContext, workspaceFolder: string, revision: string): Promise<{ lines: ChangedLines; untracked: Set<string> }> {
  const commit = await resolveCommit(context, workspaceFolder, revision);
  if (commit === undefined) {
    throw new UsageError(`--changed-since ${revision}: that is not a git revision here. Give a commit, branch or tag that exists here (in CI, fetch enough history, e.g. fetch-depth: 0).`);
  }
  const diff = await context.git(['-c', 'core.quotePath=false', 'diff', '--unified=0', '--no-color', '--no-ext-diff', '--no-textconv', '--no-renames', '--no-prefix', '--relative', commit, '--', '.'], workspaceFolder);
  if (diff.code !== 0) {
    throw new UsageError(`--changed-since ${revision}: git could not compare with that revision (${diff.stderr.trim() || `exit ${diff.code}`}). Give a commit, branch or tag that exists here (in CI, fetch enough history, e.g. fetch-depth: 0).`);
  }
  const untrackedResult = await context.git(['-c', 'core.quotePath=false', 'ls-files', '--others', '--exclude-standard', '-z', '--', '.'], workspaceFolder);
  const untracked = new Set(untrackedResult.code === 0 ? untrackedResult.stdout.split('\0').filter(Boolean) : []);
  return { lines: parseUnifiedDiff(diff.stdout), untracked };
}
