import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/** The repository root, found from the compiled test's location (out/test/...). */
export const REPO_ROOT = (() => {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('package.json not found above the tests');
    dir = parent;
  }
  return dir;
})();

export const CLI = path.join(REPO_ROOT, 'bin', 'policy-annotator.js');

/** A temporary workspace folder with the given files; removed by `dispose`. */
export interface TempWorkspace {
  dir: string;
  write(relativePath: string, content: string): void;
  dispose(): void;
}

export function createTempWorkspace(files: Record<string, string> = {}, options: { withCorpus?: boolean } = {}): TempWorkspace {
  const dir = mkdtempSync(path.join(tmpdir(), 'policy-annotator-'));
  if (options.withCorpus) cpSync(path.join(REPO_ROOT, 'annotations'), path.join(dir, 'annotations'), { recursive: true });
  const write = (relativePath: string, content: string) => {
    const full = path.join(dir, relativePath);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
  };
  for (const [relativePath, content] of Object.entries(files)) write(relativePath, content);
  return { dir, write, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The files below a folder (none if it does not exist), as sorted relative paths with `/`; links are listed, not followed. */
export function listTree(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? listTree(path.join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`]))
    .sort();
}

/** What a CLI run printed, and how it ended. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `policy-annotator <args>` as a process in `cwd`, without colours (plus `env`), and waits for it. */
export function runCliProcess(args: string[], cwd: string, env: Record<string, string> = {}): CliRun {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env }, maxBuffer: 64 * 1024 * 1024 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
