import { execFileSync } from 'node:child_process';

/** Runs git in a test repository with a fixed identity, failing the test on error. */
export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], { cwd: dir, encoding: 'utf8' });
}

/** Initialises a repository in `dir` and commits everything in it. */
export function commitAll(dir: string, message: string, init = false): void {
  if (init) git(dir, 'init', '-q');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '--allow-empty', '-m', message);
}
